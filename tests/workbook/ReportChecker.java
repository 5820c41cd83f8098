package workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The shared report checker, {@code shared/tools/check-reports}: a Jupyter notebook, a Gradescope
 * results.json or a JUnit XML file checked against what its real readers expect. It sits in shared/ beside
 * the checkout, as on the developers' machines and in CI; a test that needs it fails, never skips, without it.
 */
public final class ReportChecker {
    static final Path TOOL = WorkbookHome.locate().root().toAbsolutePath().getParent().resolve("shared/tools/check-reports");

    private ReportChecker() {
    }

    /** What the checker said and its exit code (0 valid, 1 invalid, 2 it could not run). */
    public record Verdict(int exitCode, String said) {
        public boolean valid() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "check-reports exit " + exitCode + ": " + said;
        }
    }

    /** Checks {@code file} as {@code kind}: ipynb, gradescope or junit. */
    public static Verdict check(String kind, Path file) throws IOException, InterruptedException {
        if (!Files.isExecutable(TOOL)) {
            throw new AssertionError("checking a " + kind + " file needs " + TOOL + ": shared/ belongs beside the checkout");
        }
        Process p = new ProcessBuilder(TOOL.toString(), kind, file.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("check-reports did not finish within 120 s: " + said);
        }
        return new Verdict(p.exitValue(), said);
    }
}
