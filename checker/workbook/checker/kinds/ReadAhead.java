//DEPS org.postgresql:postgresql:42.7.14
package workbook.checker.kinds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGStatement;

/**
 * Sends every query of a {@link ReadPlan} in one round trip (one multi-statement execute), each the
 * same query {@link Catalog}, {@link RowReader} and {@link Instants} would send on their own, and hands them
 * the answers. All or nothing: when any query fails (a condition naming a column the learner dropped,
 * no such table), nothing is kept, and each check then reads on its own and says what went wrong, as before.
 * The one value taken from the learner's rows (a timestamp before the task) goes as a parameter, never
 * into the SQL text; a condition holding a {@code ?} therefore cannot be batched, and is read lazily.
 */
final class ReadAhead {
    /** Reads one query's result; what it returns is applied only once every query has succeeded. */
    private interface Answer {
        Runnable read(ResultSet rs) throws SQLException;
    }

    private final List<String> queries = new ArrayList<>();
    /** Values of the batch's parameters, in order: the instants, which change from one submission to the next. */
    private final List<String> parameters = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();

    private ReadAhead() {
    }

    /** True when the plan's answers are now known to the inspection (or there was nothing to read). */
    static boolean fetch(ReadPlan plan, Inspection db) {
        if (plan.isEmpty()) {
            return true;
        }
        ReadAhead batch = new ReadAhead();
        for (String table : plan.oids) {
            batch.add(Catalog.OID.formatted(literal(RowReader.relation(table))), rs -> {
                Optional<Long> oid = rs.next() ? Optional.ofNullable(rs.getString(1)).map(Long::valueOf) : Optional.empty();
                return () -> db.catalog().knowOid(table, oid);
            });
        }
        for (String table : plan.columns) {
            // 'users'::regclass is resolved once, when planning (to_regclass is called on every pg_index row):
            // it fails when there is no such table, as the rows' queries then do, and the lazy reads take over
            batch.add(Catalog.COLUMNS.formatted(literal(RowReader.relation(table)) + "::regclass"), rs -> {
                List<Catalog.Column> columns = new ArrayList<>();
                while (rs.next()) {
                    columns.add(Catalog.column(rs));
                }
                return () -> db.catalog().knowColumns(table, columns);
            });
        }
        for (String table : plan.indexes) {
            batch.add(Catalog.INDEXES.formatted(literal(RowReader.relation(table)) + "::regclass"), rs -> {
                List<Catalog.Index> indexes = new ArrayList<>();
                while (rs.next()) {
                    indexes.add(Catalog.index(rs));
                }
                return () -> db.catalog().knowIndexes(table, indexes);
            });
        }
        for (List<String> question : plan.rows) {
            batch.add(RowReader.select(question.get(0), question.get(1)), rs -> {
                List<String> json = new ArrayList<>();
                while (rs.next()) {
                    json.add(rs.getString(1));
                }
                return () -> db.rows().know(question.get(0), question.get(1), json);
            });
        }
        for (String table : plan.counts) {
            batch.add(RowReader.selectCount(table), rs -> {
                long count = rs.next() ? rs.getLong(1) : 0;
                return () -> db.rows().knowCount(table, count);
            });
        }
        for (ReadPlan.Comparison comparison : plan.comparisons) {
            if (comparison.otherColumn() == null) {
                batch.parameters.add(comparison.instant());
            }
            batch.add(comparison(comparison), rs -> {
                List<Runnable> known = new ArrayList<>();
                while (rs.next()) {
                    String a = rs.getString(1);
                    String b = rs.getString(2);
                    int sign = rs.getInt(3);
                    known.add(() -> db.instants().know(a, b, sign));
                }
                return () -> known.forEach(Runnable::run);
            });
        }
        return batch.send(db.handle().getConnection());
    }

    private void add(String query, Answer answer) {
        queries.add(query.strip());
        answers.add(answer);
    }

    private boolean send(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", queries))) {
            // in a transaction a failed query would abort it, and the lazy reads after it with it
            if (!connection.getAutoCommit()) {
                return false;
            }
            if (statement.isWrapperFor(PGStatement.class)) {
                // not server-prepared: the grader's own DDL on the judge session between tasks makes the driver
                // prepare it again each time anyway (measured), at the cost of an extra named Parse and Close
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            boolean isResult = statement.execute();
            List<Runnable> known = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (i > 0) {
                    isResult = statement.getMoreResults();
                }
                if (!isResult) {
                    return false;
                }
                try (ResultSet rs = statement.getResultSet()) {
                    known.add(answers.get(i).read(rs));
                }
            }
            known.forEach(Runnable::run);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Orders the JSON text of the timestamps (what the check compares) for every row the condition picks,
     * returning that text with the answer, so {@link Instants} knows exactly which question it answers.
     */
    private static String comparison(ReadPlan.Comparison c) {
        String a = "to_jsonb(t)->>" + literal(c.column());
        String b = c.otherColumn() == null ? "CAST(? AS text)" : "to_jsonb(t)->>" + literal(c.otherColumn());
        return "SELECT x.a, x.b, " + Instants.SIGN.formatted("x.a", "x.b") + " FROM (SELECT " + a + " AS a, " + b + " AS b FROM "
                + RowReader.relation(c.table()) + " AS t WHERE " + c.where() + ") AS x WHERE x.a IS NOT NULL AND x.b IS NOT NULL";
    }

    // names from tasks.toml: an escape-string literal reads the same whatever standard_conforming_strings says
    private static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
