package workbook.checker.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbook.TestDatabase;
import workbook.checker.task.CheckSpec;

/** The kinds the submissions do not reach, each on a small table of its own. */
class CheckKindsTest {
    private Connection connection;
    private Handle handle;

    @BeforeEach
    void table() throws Exception {
        connection = TestDatabase.connect(TestDatabase.freshDatabase("kinds"));
        handle = Jdbi.open(connection);
        handle.execute("CREATE TABLE t (id int PRIMARY KEY, code varchar(10), note text DEFAULT 'x'::text, flag boolean)");
        handle.execute("INSERT INTO t VALUES (1, 'a', 'n', true), (2, 'b', 'n', false)");
    }

    @AfterEach
    void close() {
        handle.close();
    }

    private Inspection inspection() {
        return new Inspection(handle, Optional.empty(), true, "t", "id", "code");
    }

    private static CheckSpec spec(String kind, String column, String where, Integer count, String defaultValue) {
        return new CheckSpec(kind, "a check", 1, null, column, null, null, defaultValue, where, null, List.of(), null, count, List.of(), null, null, null, null);
    }

    @Test
    void rowCountSaysHowManyRowsThereAreAndHowManyTheTaskLeaves() {
        assertThat(new RowCount().judge(spec("RowCount", null, null, 2, null), inspection()).passed()).isTrue();
        Verdict wrong = new RowCount().judge(spec("RowCount", null, "flag", 2, null), inspection());
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.message()).isEqualTo("there is 1 row where flag, the task leaves 2");
    }

    @Test
    void aPartialUniqueIndexIsNotUniqueOnEveryRow() {
        handle.execute("CREATE UNIQUE INDEX t_code_active ON t (code) WHERE flag");
        Verdict partial = new ColumnUnique().judge(spec("ColumnUnique", "code", null, null, null), inspection());
        assertThat(partial.passed()).isFalse();
        assertThat(partial.message()).contains("unique only where flag");
        handle.execute("ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code)");
        assertThat(new ColumnUnique().judge(spec("ColumnUnique", "code", null, null, null), inspection()).passed()).isTrue();
    }

    @Test
    void aDefaultThatStaysPassesWithANoteAndTheChecksHint() {
        CheckSpec keeps = new CheckSpec("ColumnKeepsNoDefault", "no stopgap default", 0, null, "note", null, null, null, null, null,
                List.of(), null, null, List.of(), null, null, "Drop it: ALTER TABLE t ALTER COLUMN note DROP DEFAULT.", null);
        Verdict stays = new ColumnKeepsNoDefault().judge(keeps, inspection());
        assertThat(stays.passed()).as("advice, never a failure").isTrue();
        assertThat(stays.notes()).containsExactly("`note` keeps DEFAULT 'x': every later INSERT that leaves note out stores 'x' without a word. "
                + "Drop it: ALTER TABLE t ALTER COLUMN note DROP DEFAULT.");
        assertThat(new ColumnKeepsNoDefault().judge(spec("ColumnKeepsNoDefault", "code", null, null, null), inspection()))
                .as("no DEFAULT, nothing to say").isEqualTo(Verdict.pass());
        assertThat(new ColumnKeepsNoDefault().judge(spec("ColumnKeepsNoDefault", "nope", null, null, null), inspection()))
                .as("a missing column is the other checks' to report").isEqualTo(Verdict.pass());
    }

    @Test
    void defaultsCompareWithoutTheirCasts() {
        assertThat(new ColumnDefault().judge(spec("ColumnDefault", "note", null, null, "'x'"), inspection()).passed()).isTrue();
        Verdict none = new ColumnDefault().judge(spec("ColumnDefault", "flag", null, null, "true"), inspection());
        assertThat(none.message()).isEqualTo("`flag` has no DEFAULT, the task asks for DEFAULT TRUE");
        Verdict missing = new ColumnDefault().judge(spec("ColumnDefault", "nope", null, null, "true"), inspection());
        assertThat(missing.absent()).isTrue();
        assertThat(missing.message()).isEqualTo("`t` has no column `nope`");
    }

    @Test
    void aPartialIndexDoesNotServeEveryLookup() {
        handle.execute("CREATE INDEX t_code_some ON t (code) WHERE flag");
        CheckSpec lookup = new CheckSpec("IndexServesLookup", "an index", 1, null, "code", null, null, null, null, null,
                List.of(), null, null, List.of("code"), null, null, null, null);
        Verdict verdict = new IndexServesLookup().judge(lookup, inspection());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).startsWith("the new index `t_code_some` is partial (WHERE flag)");
    }

    @Test
    void snapshotKindsSayTheyCannotBeObservedLive() {
        Verdict verdict = new OnlyRowsChanged().judge(spec("OnlyRowsChanged", null, "id = 1", null, null), inspection());
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.notes()).singleElement().asString().startsWith("not checked with --live");
    }

    @Test
    void updateMovesTimestampPassesOnlyWithATriggerAndLeavesTheRowAsItWas() {
        handle.execute("ALTER TABLE t ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now() - interval '1 hour'");
        CheckSpec probe = new CheckSpec("UpdateMovesTimestamp", "a trigger moves updated_at", 1, null, "updated_at", null, null, null,
                "id = 1", "row 1", List.of("code"), null, null, List.of(), null, null, null, null);
        String was = handle.createQuery("SELECT updated_at::text FROM t WHERE id = 1").mapTo(String.class).one();

        Verdict without = new UpdateMovesTimestamp().judge(probe, inspection());
        assertThat(without.passed()).isFalse();
        assertThat(without.message()).startsWith("`UPDATE t SET code = code WHERE id = 1` left row 1's `updated_at` at " + was);

        handle.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$");
        handle.execute("CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()");
        assertThat(new UpdateMovesTimestamp().judge(probe, inspection()).passed()).isTrue();
        assertThat(handle.createQuery("SELECT updated_at::text FROM t WHERE id = 1").mapTo(String.class).one())
                .as("the probe is rolled back").isEqualTo(was);
        assertThat(handle.isInTransaction()).isFalse();
    }
}
