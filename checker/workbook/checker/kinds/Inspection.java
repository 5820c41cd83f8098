package workbook.checker.kinds;

import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import workbook.checker.task.CheckSpec;

/**
 * What a check kind may look at: the database after the task (through the workbook's own queries),
 * the snapshot taken just before the task (absent with --live), and the task set's defaults.
 */
public record Inspection(Handle handle, Catalog catalog, RowReader rows, Instants instants, Optional<TableSnapshot> before, boolean live,
                         String defaultTable, String key, String labelColumn) {

    /** One look at the database: the catalog and the rows are each read once and shared by the checks. */
    public Inspection(Handle handle, Optional<TableSnapshot> before, boolean live, String defaultTable, String key, String labelColumn) {
        this(handle, new Catalog(handle), new RowReader(handle), new Instants(handle), before, live, defaultTable, key, labelColumn);
    }

    public String table(CheckSpec spec) {
        return spec.table() != null ? spec.table() : defaultTable;
    }

    /**
     * Fetches in one round trip what these checks will read and is not known yet, so judging them
     * sends nothing more in the usual case. When that fails (a condition naming a column the learner
     * dropped, a table gone), nothing is kept and each check reads lazily as before, reaching the same verdict.
     */
    public void readAhead(Collection<CheckSpec> checks) {
        ReadPlan plan = new ReadPlan(this);
        for (CheckSpec spec : checks) {
            if (CheckKinds.exists(spec.kind())) {
                CheckKinds.named(spec.kind()).plan(spec, this, plan);
            }
        }
        ReadAhead.fetch(plan, this);
    }
}
