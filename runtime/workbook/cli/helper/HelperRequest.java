package workbook.cli.helper;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a command's process asks its checkout's helper: the command and its arguments, and every fact the
 * command would have read from its own process (the code it was built from, the folder, the environment,
 * whether a person watches its output). The helper serves it only where all of them match its own.
 */
record HelperRequest(String codeKey, String folder, boolean interactive, Map<String, String> environment,
                     String command, List<String> arguments) {
    static final int VERSION = 1;

    /**
     * Variables that differ from one shell, terminal window or tmux pane to the next without changing what a
     * command does: the shell's bookkeeping and prompts, the terminal's size (sent along and used per command),
     * terminal and session ids, and the four JBang settings ./jbang exports only on a run that built the command.
     * Any other difference (WORKBOOK_DB, DOCKER_HOST, PATH, ...) makes the helper retire for one of its own.
     */
    private static final Set<String> INCIDENTAL = Set.of("COLUMNS", "LINES", "_", "OLDPWD", "PWD", "SHLVL",
            "PS1", "PS2", "PS4", "PROMPT_COMMAND", "HISTFILE", "HISTSIZE", "HISTCONTROL",
            "TMUX_PANE", "WINDOWID", "WINDOW", "STY", "TERM_SESSION_ID", "ITERM_SESSION_ID", "WT_SESSION",
            "GNOME_TERMINAL_SCREEN", "GNOME_TERMINAL_SERVICE", "VTE_VERSION", "KONSOLE_DBUS_SESSION",
            "KONSOLE_DBUS_WINDOW", "SHELL_SESSION_ID", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY",
            "JBANG_NO_VERSION_CHECK", "JBANG_RUNTIME_SHELL", "JBANG_STDIN_NOTTY", "JBANG_LAUNCH_CMD");

    /** The environment as a command sees it, minus what is incidental; what two processes must share. */
    static Map<String, String> relevant(Map<String, String> environment) {
        Map<String, String> kept = new TreeMap<>(environment);
        kept.keySet().removeAll(INCIDENTAL);
        return kept;
    }

    /** The terminal width the command's process was given (./jbang sets it from the terminal), or null. */
    String columns() {
        return environment.get("COLUMNS");
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        writeString(out, codeKey);
        writeString(out, folder);
        out.writeBoolean(interactive);
        out.writeInt(environment.size());
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            writeString(out, variable.getKey());
            writeString(out, variable.getValue());
        }
        writeString(out, command);
        out.writeInt(arguments.size());
        for (String argument : arguments) {
            writeString(out, argument);
        }
        out.flush();
    }

    static HelperRequest read(DataInputStream in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("a request of another version");
        }
        String codeKey = readString(in);
        String folder = readString(in);
        boolean interactive = in.readBoolean();
        Map<String, String> environment = new TreeMap<>();
        for (int i = count(in); i > 0; i--) {
            environment.put(readString(in), readString(in));
        }
        String command = readString(in);
        String[] arguments = new String[count(in)];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = readString(in);
        }
        return new HelperRequest(codeKey, folder, interactive, environment, command, List.of(arguments));
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 100_000) {
            throw new IOException("a malformed request");
        }
        return count;
    }

    // writeUTF stops at 64 KB; an environment variable may be longer
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 << 20) {
            throw new IOException("a malformed request");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
