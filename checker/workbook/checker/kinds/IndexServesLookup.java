package workbook.checker.kinds;

import java.util.List;
import java.util.Locale;
import workbook.checker.task.CheckSpec;

/**
 * A new index (not one a constraint built) whose leading key is one of {@code leading}, so lookups on
 * {@code column} can use it. One that merely repeats an index already there passes, with a note that
 * it is redundant and costs writes; one led by another column fails.
 */
public final class IndexServesLookup implements CheckKind {
    @Override
    public List<String> required() {
        return List.of("column", "leading");
    }

    @Override
    public void plan(CheckSpec spec, Inspection db, ReadPlan reads) {
        reads.table(db.table(spec)).indexes(db.table(spec));
    }

    @Override
    public Verdict judge(CheckSpec spec, Inspection db) {
        String table = db.table(spec);
        if (!db.catalog().tableExists(table)) {
            return Verdict.fail("there is no table `" + table + "` any more");
        }
        List<Catalog.Index> all = db.catalog().indexes(table);
        List<String> existed = db.before().map(TableSnapshot::indexNames).orElse(List.of());
        List<Catalog.Index> added = all.stream().filter(i -> i.constraint() == null && !existed.contains(i.name())).toList();
        List<String> wanted = spec.leading().stream().map(IndexServesLookup::normalise).toList();
        List<Catalog.Index> serving = added.stream()
                .filter(i -> !i.partial() && wanted.contains(normalise(i.keys().get(0))))
                .toList();
        if (serving.isEmpty()) {
            if (added.isEmpty()) {
                return Verdict.fail("there is no new index on `" + table + "`; the indexes there came with its constraints ("
                        + String.join(", ", all.stream().map(Catalog.Index::name).toList()) + ")");
            }
            Catalog.Index other = added.get(0);
            if (other.partial()) {
                return Verdict.fail("the new index `" + other.name() + "` is partial (" + other.definition().replaceFirst(".* WHERE ", "WHERE ")
                        + "), so most lookups by " + spec.column() + " cannot use it");
            }
            return Verdict.fail("the new index `" + other.name() + "` is on " + other.keys().get(0) + ", so a lookup WHERE "
                    + spec.column() + " = '...' cannot use it");
        }
        Catalog.Index best = serving.stream().filter(i -> !isRepeat(i, all)).findFirst().orElse(serving.get(0));
        if (isRepeat(best, all)) {
            Catalog.Index twin = all.stream().filter(o -> o != best && o.keys().equals(best.keys())).findFirst().orElseThrow();
            return Verdict.passWithNote("`" + best.name() + "` repeats `" + twin.name() + "`, which " + (twin.constraint() != null
                    ? "the UNIQUE constraint already built" : "was already there") + ": lookups by " + spec.column()
                    + " were already fast, and every INSERT, UPDATE and DELETE now maintains two indexes. "
                    + "An index on lower(" + spec.column() + ") would serve case-insensitive lookups instead");
        }
        return Verdict.pass();
    }

    private static boolean isRepeat(Catalog.Index index, List<Catalog.Index> all) {
        return all.stream().anyMatch(o -> o != index && o.keys().equals(index.keys()) && !o.partial());
    }

    // pg_get_indexdef shows lower(email) as lower(email::text); casts and spacing say nothing about what is indexed
    static String normalise(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("::[a-z ]+(\\(\\d+\\))?", "").replaceAll("[\\s\"]", "");
        while (k.startsWith("(") && k.endsWith(")")) {
            k = k.substring(1, k.length() - 1);
        }
        return k;
    }
}
