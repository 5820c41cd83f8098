package workbook.cli.helper;

/** The frames a helper sends back: one byte of kind, then its payload. */
final class HelperReply {
    /** The request is being served: the command's output follows. */
    static final byte ACCEPTED = 'A';
    /** A chunk of the command's stdout (int length, bytes). */
    static final byte OUT = 'O';
    /** A chunk of the command's stderr (int length, bytes). */
    static final byte ERR = 'E';
    /** The command ended (int exit code). */
    static final byte EXIT = 'X';
    /** Not served here (a command that asks questions or runs on), the helper stays: run it in the process. */
    static final byte DECLINED = 'D';
    /** Not served, and the helper quits: it was built from other code, or lives in another environment. */
    static final byte RETIRING = 'R';

    private HelperReply() {
    }
}
