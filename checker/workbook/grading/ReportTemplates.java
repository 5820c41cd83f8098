//DEPS gg.jte:jte:3.2.5
package workbook.grading;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import workbook.FileTrees;
import workbook.UserError;
import workbook.WorkbookHome;

/**
 * The JTE engine for the reports' HTML templates (resources beside their classes). JBang builds no templates,
 * so they are compiled at run time, which costs seconds of javac; the classes are kept in
 * {@code .workbook/report-templates/KEY/}, KEY a hash of the templates and of the classes they read, so a run
 * whose template and model are unchanged loads them instead (an edit of either compiles afresh).
 */
final class ReportTemplates {
    static final String FOLDER = "report-templates";
    /** A package of their own, so compiled templates never meet the workbook's classes by name. */
    private static final String PACKAGE = "workbook.grading.templates";

    private ReportTemplates() {
    }

    /**
     * An engine that renders {@code template}, compiled now or loaded from an earlier run.
     *
     * @param model the classes the template reads: a change to one of them (or a class nested in it) compiles afresh
     */
    static TemplateEngine engine(String template, List<Class<?>> model) {
        ClassLoader loader = ReportTemplates.class.getClassLoader();
        Path root = WorkbookHome.locate().stateDir().resolve(FOLDER);
        Path kept = root.resolve(key(template, model));
        try {
            if (!Files.isDirectory(kept)) {
                compile(template, root, kept, loader);
            }
        } catch (IOException | RuntimeException e) {
            throw UserError.environment("Cannot compile the template of " + ClassReport.FILE + " (" + e.getMessage()
                    + "); it needs a JDK's javac. The other reports are written.", e);
        }
        try {
            Files.setLastModifiedTime(kept, FileTime.from(Instant.now())); // in use: the sweep keeps it
        } catch (IOException e) {
            // a folder that cannot be touched is still read; at worst it is compiled again after a day
        }
        return TemplateEngine.createPrecompiled(kept, ContentType.Html, loader, PACKAGE);
    }

    /** Compiles into a folder of this run's own, then moves it into place in one step: a concurrent run sees all or nothing. */
    private static void compile(String template, Path root, Path kept, ClassLoader loader) throws IOException {
        Files.createDirectories(root);
        Path fresh = Files.createTempDirectory(root, "compiling-");
        try {
            TemplateEngine engine = TemplateEngine.create(new ResourceCodeResolver("workbook/grading", loader), fresh, ContentType.Html, loader, PACKAGE);
            engine.setTrimControlStructures(true);
            engine.prepareForRendering(template);
            sweep(root);
            Files.move(fresh, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(kept)) {
                throw e;
            } // else another run put the same classes there first
        } finally {
            if (Files.exists(fresh)) {
                FileTrees.deleteTree(fresh);
            }
        }
    }

    /**
     * Removes what no run used for a day: a version another build may still read (JBang's and Maven's classes
     * differ, so their keys do) stays, and so does another run's compiling- folder.
     */
    private static void sweep(Path root) throws IOException {
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        try (Stream<Path> kept = Files.list(root)) {
            for (Path old : kept.toList()) {
                if (Files.getLastModifiedTime(old).compareTo(dayAgo) < 0) {
                    FileTrees.deleteTree(old);
                }
            }
        }
    }

    /** A hash of the template's text and of the model's class files, nested classes included. */
    static String key(String template, List<Class<?>> model) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ClassLoader loader = ReportTemplates.class.getClassLoader();
            digest.update(bytes(loader, "workbook/grading/" + template));
            List<Class<?>> classes = new ArrayList<>(model);
            classes.add(TemplateEngine.class);
            for (Class<?> type : model) {
                classes.addAll(List.of(type.getDeclaredClasses()));
            }
            for (Class<?> type : classes) {
                digest.update(bytes(type.getClassLoader(), type.getName().replace('.', '/') + ".class"));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in this build (checker/Grade.java's //FILES, the POM's resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
