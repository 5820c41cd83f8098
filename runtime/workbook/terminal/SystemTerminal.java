package workbook.terminal;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

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
        try {
            return TerminalBuilder.builder().system(true).dumb(false)
                    .jni(true).ffm(false).jansi(false).jna(false).exec(false)
                    .build();
        } catch (IllegalStateException | LinkageError noJni) {
            // no native library for this platform, or no terminal at all: JLine's own search decides as before
            return TerminalBuilder.builder().system(true).build();
        }
    }
}
