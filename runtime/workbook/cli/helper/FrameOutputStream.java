package workbook.cli.helper;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One of a served command's output streams, sent to its process as frames of one kind (stdout or stderr)
 * on the connection both share. Once the process is gone (the learner pressed Ctrl-C), output is dropped
 * and the command finishes on its own; its results (progress, the scratch copy's drop) stay correct.
 */
final class FrameOutputStream extends OutputStream {
    private final DataOutputStream connection;
    private final byte kind;
    private boolean gone;

    FrameOutputStream(DataOutputStream connection, byte kind) {
        this.connection = connection;
        this.kind = kind;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        synchronized (connection) {
            if (gone) {
                return;
            }
            try {
                connection.writeByte(kind);
                connection.writeInt(length);
                connection.write(bytes, offset, length);
                connection.flush();
            } catch (IOException e) {
                gone = true;
            }
        }
    }
}
