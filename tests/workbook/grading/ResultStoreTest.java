package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.checker.task.Visibility;

/** The records a re-run reuses: a check's visibility survives the round trip, and a record from before it existed is not reused. */
class ResultStoreTest {
    static GradeRecord record(Visibility visibility) {
        GradeRecord.CheckGrade hidden = new GradeRecord.CheckGrade("no other row changed", 0, 2, false, "another row changed too", "a hint",
                List.of(), visibility);
        GradeRecord.TaskGrade task = new GradeRecord.TaskGrade("03-update-alice", "Update Alice", false, "failed", "03-update-alice.sql",
                List.of(hidden), List.of(), List.of());
        return new GradeRecord(GradeRecord.FORMAT_VERSION, "carol", "carol", "lesson3", "hash", "checks", GradeRecord.Status.GRADED, null,
                "2025-01-01T00:00:00Z", 1.0, List.of(), List.of(), List.of(task));
    }

    @Test
    void aChecksVisibilityIsKeptInTheRecord(@TempDir Path out) throws Exception {
        ResultStore store = new ResultStore(out);
        store.write(record(Visibility.AFTER_DUE_DATE));
        assertThat(store.read("carol").orElseThrow().task("03-update-alice").checks().get(0).visibility()).isEqualTo(Visibility.AFTER_DUE_DATE);
    }

    /** A record written before checks had a visibility would show a hidden check as visible: it is graded again instead. */
    @Test
    void aRecordFromBeforeVisibilityIsNotReused(@TempDir Path out) throws Exception {
        ResultStore store = new ResultStore(out);
        store.write(record(Visibility.HIDDEN));
        assertThat(store.read("carol")).as("the current format is reused").isPresent();
        ObjectNode old = ResultStore.JSON.valueToTree(record(Visibility.HIDDEN));
        old.put("format_version", 1);
        for (var task : (ArrayNode) old.get("tasks")) {
            for (var check : (ArrayNode) task.get("checks")) {
                ((ObjectNode) check).remove("visibility");
            }
        }
        ResultStore.JSON.writeValue(store.recordOf("carol").toFile(), old);
        assertThat(store.read("carol")).isEmpty();
    }
}
