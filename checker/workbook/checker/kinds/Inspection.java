package workbook.checker.kinds;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.CheckSpec;

/**
 * What a check kind may look at: the database after the task (through the workbook's own queries),
 * the snapshot taken just before the task (absent with --live), and the task set's defaults.
 */
public record Inspection(Handle handle, Catalog catalog, Rows rows, Optional<TableSnapshot> before, boolean live,
                         String defaultTable, String key, String labelColumn) {

    /** One look at the database: the catalog and the rows are each read once and shared by the checks. */
    public Inspection(Handle handle, Optional<TableSnapshot> before, boolean live, String defaultTable, String key, String labelColumn) {
        this(handle, new Catalog(handle), new Rows(handle), before, live, defaultTable, key, labelColumn);
    }

    public String table(CheckSpec spec) {
        return spec.table() != null ? spec.table() : defaultTable;
    }
}
