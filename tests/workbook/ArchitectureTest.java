package workbook;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The picture in ARCHITECTURE.md, enforced: layers only look down (the root package's errors and exit
 * codes at the bottom; runtime below checker below grading) and no two packages need each other.
 */
class ArchitectureTest {
    private static final JavaClasses WORKBOOK = importWorkbook();

    private static JavaClasses importWorkbook() {
        // only the workbook's own classes matter: scanning the class path's jars (PostgreSQL binaries among them)
        // and resolving every library class they name would cost seconds
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("workbook")
                .layer("sql").definedBy("workbook.sql..")
                .layer("terminal").definedBy("workbook.terminal..")
                .layer("cli").definedBy("workbook.cli..")
                .layer("progress").definedBy("workbook.progress..")
                .layer("db").definedBy("workbook.db..")
                .layer("jshell").definedBy("workbook.jshell..")
                .layer("notebook").definedBy("workbook.notebook..")
                .layer("checker").definedBy("workbook.checker..")
                .layer("grading").definedBy("workbook.grading..")
                .layer("scale").definedBy("workbook.scale..")
                .whereLayer("scale").mayNotBeAccessedByAnyLayer()
                .whereLayer("grading").mayNotBeAccessedByAnyLayer()
                .whereLayer("checker").mayOnlyBeAccessedByLayers("grading")
                .whereLayer("notebook").mayOnlyBeAccessedByLayers("checker", "grading")
                .whereLayer("jshell").mayOnlyBeAccessedByLayers("notebook", "checker", "grading")
                .whereLayer("progress").mayOnlyBeAccessedByLayers("notebook", "checker", "grading")
                .whereLayer("db").mayOnlyBeAccessedByLayers("jshell", "notebook", "checker", "grading", "scale")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("db", "jshell", "notebook", "checker", "grading")
                .whereLayer("terminal").mayOnlyBeAccessedByLayers("cli", "db", "jshell", "notebook", "checker", "grading", "scale")
                .whereLayer("sql").mayOnlyBeAccessedByLayers("terminal", "cli", "db", "jshell", "notebook", "checker", "grading", "scale")
                .check(WORKBOOK);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("workbook.(**)").should().beFreeOfCycles().check(WORKBOOK);
    }
}
