package workbook.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jline.nativ.JLineNativeLoader;
import org.jline.nativ.OSInfo;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import workbook.WholeFile;
import workbook.WorkbookHome;

/**
 * Opens the system terminal through JLine's JNI provider alone when it can (its native library ships in
 * the jline jar for Linux, macOS and Windows), else through JLine's usual search. The usual search loads
 * and probes every provider first (JNA's and Jansi's native libraries, and the exec provider's `test -t`
 * process) before it takes the first that works, which is JNI wherever JNI works: a tenth of a second or
 * more before the walk's first screen, for nothing.
 */
public final class SystemTerminal {
    private SystemTerminal() {
    }

    /** The terminal of this process; a dumb one (as JLine gives) when stdin or stdout is no terminal. */
    public static Terminal open() throws IOException {
        Path state = WorkbookHome.locate().stateDir();
        useKeptNativeLibrary(state);
        KeptCapabilities kept = new KeptCapabilities(state.resolve("terminfo"));
        kept.handOver(System.getenv("TERM"));  // the type JLine gives a system terminal
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(false)
                    .jni(true).ffm(false).jansi(false).jna(false).exec(false)
                    .build();
        } catch (IllegalStateException | LinkageError noJni) {
            // no native library for this platform, or no terminal at all: JLine's own search decides as before
            terminal = TerminalBuilder.builder().system(true).build();
        }
        kept.keep(terminal.getType());
        return terminal;
    }

    /**
     * Left to itself, JLine copies its native library out of its jar into a new file in the temporary folder
     * on every start (about 60 ms before the first screen) and leaves the file there. Copied once into
     * .workbook/jline-native/VERSION/OS/ instead, it is loaded from there (`library.jline.path`); should that
     * copy not load, JLine copies its own as before.
     */
    private static void useKeptNativeLibrary(Path state) {
        if (System.getProperty("library.jline.path") != null) {
            return;
        }
        try {
            String platform = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("jlinenative").replace(".dylib", ".jnilib");
            Path folder = state.resolve("jline-native").resolve(JLineNativeLoader.getVersion()).resolve(platform);
            Path library = folder.resolve(name);
            if (!Files.isRegularFile(library)) {
                try (InputStream bundled = JLineNativeLoader.class.getResourceAsStream("/org/jline/nativ/" + platform + "/" + name)) {
                    if (bundled == null) {
                        return;  // none for this platform: JLine says so, as before
                    }
                    Files.createDirectories(folder);
                    WholeFile.replace(library, partial -> Files.copy(bundled, partial, StandardCopyOption.REPLACE_EXISTING));
                }
            }
            System.setProperty("library.jline.path", folder.toString());
        } catch (IOException | RuntimeException e) {
            // a read-only checkout, say: JLine's own copy in the temporary folder
        }
    }
}
