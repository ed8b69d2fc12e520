package dev.ranks.pipeline;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Length-prefixed frames on a byte stream, the process engine's framing on a worker's stdin and
 * stdout: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. A length prefix (rather
 * than a line per message) lets a frame hold any text, and a reader knows a torn frame from a
 * whole one.
 */
public final class Frames {
    /** The largest frame accepted, so that a corrupt length cannot make a reader allocate gigabytes. */
    public static final int MAX_FRAME = 64 << 20;

    private Frames() {
    }

    /**
     * Writes one frame and flushes it.
     *
     * @param out the stream
     * @param text the frame's text
     * @throws IOException when the stream fails, such as when the reader is gone
     */
    public static void write(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @param in the stream
     * @return the frame's text, or null at the end of the stream before a frame started
     * @throws IOException when the stream fails or ends inside a frame
     * @throws RanksException ({@link ErrorClass#CODEC}) when the length is negative or above
     *     {@link #MAX_FRAME}
     */
    public static String read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new RanksException(ErrorClass.CODEC, "frame length " + length + " is invalid: expected 0 to "
                    + MAX_FRAME);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
