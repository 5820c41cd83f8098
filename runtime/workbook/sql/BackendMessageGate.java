package workbook.sql;

import java.io.IOException;
import java.io.InputStream;

/**
 * The server's side of a limited socket: passes bytes to the driver only once the backend message they
 * belong to was charged to the {@link ReceiveLimit}, so a message too big for the limit is refused by its
 * header, before the driver reads the length it would allocate.
 *
 * <p>A backend message is one type byte, an int32 length that counts itself, and the body. The one exception
 * is the server's answer to an SSLRequest or GSSENCRequest (which {@link LimitedSocketFactory} watches the
 * client send): a single unframed byte, 'N' for plain text going on, 'S' or 'G' for encryption, after which
 * the bytes are ciphertext and only their number can be charged. Anything else answering (an old server's
 * ErrorResponse) is an ordinary message.
 */
final class BackendMessageGate extends InputStream {
    private enum Mode { FRAMED, ANSWER_BYTE, RAW }

    private static final int HEADER = 5;

    private final InputStream in;
    private final ReceiveLimit limit;
    private final byte[] buffer = new byte[8192];
    /** buffer[position, end) is read from the socket and not yet by the driver. */
    private int position;
    private int end;
    /** How many bytes from {@code position} on are charged and may go to the driver. */
    private int passable;
    /** Bytes of the current message's body still to come after the passable ones (charged already). */
    private long bodyLeft;
    /** Set by the client's side during startup (the same thread that then reads the answer). */
    private volatile Mode mode = Mode.FRAMED;
    private final byte[] one = new byte[1];

    BackendMessageGate(InputStream in, ReceiveLimit limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The client asked for encryption: the next byte is the server's one-byte answer, not a message. */
    void expectAnswerByte() {
        mode = Mode.ANSWER_BYTE;
    }

    /** The client speaks something this gate does not frame (e.g. TLS from the first byte): count bytes only. */
    void countRawBytes() {
        mode = Mode.RAW;
    }

    /** Whether the connection went encrypted or unframed, so the client's side needs no more watching. */
    boolean raw() {
        return mode == Mode.RAW;
    }

    @Override
    public synchronized int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] to, int offset, int length) throws IOException {
        limit.refuseIfExceeded();
        if (length == 0) {
            return 0;
        }
        while (passable == 0) {
            pass();
            if (passable == 0 && !fill()) {
                return -1;
            }
        }
        int count = Math.min(length, passable);
        System.arraycopy(buffer, position, to, offset, count);
        position += count;
        passable -= count;
        return count;
    }

    @Override
    public synchronized int available() throws IOException {
        pass();
        return passable;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Charges what the buffered bytes allow: the rest of a body, a complete header, the answer byte, raw bytes. */
    private void pass() throws IOException {
        int start = position + passable;
        int waiting = end - start;
        while (waiting > 0) {
            int taken;
            if (bodyLeft > 0) {
                taken = (int) Math.min(bodyLeft, waiting);
                bodyLeft -= taken;
            } else if (mode == Mode.RAW) {
                limit.charge(waiting);
                taken = waiting;
            } else if (mode == Mode.ANSWER_BYTE) {
                byte answer = buffer[start];
                if (answer == 'S' || answer == 'G') {
                    mode = Mode.RAW;
                    continue;
                }
                mode = Mode.FRAMED;
                if (answer != 'N') {
                    continue; // an ErrorResponse: framed like any message
                }
                limit.charge(1);
                taken = 1;
            } else if (waiting < HEADER) {
                return;
            } else {
                long length = Integer.toUnsignedLong(readInt(start + 1));
                if (length < 4) {
                    throw new IOException("the server sent a message of type '" + (char) buffer[start]
                            + "' with an impossible length " + length + "; the session was ended");
                }
                limit.chargeMessage(buffer[start], 1 + length);
                bodyLeft = length - 4;
                taken = HEADER;
            }
            passable += taken;
            start += taken;
            waiting -= taken;
        }
    }

    /** Reads more from the socket after the waiting bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position == end) {
            position = 0;
            end = 0;
        } else if (end == buffer.length) {
            // only a partial header (under 5 bytes) waits here: move it to the front
            System.arraycopy(buffer, position, buffer, 0, end - position);
            end -= position;
            position = 0;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private int readInt(int at) {
        return (buffer[at] & 0xff) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8 | buffer[at + 3] & 0xff;
    }
}
