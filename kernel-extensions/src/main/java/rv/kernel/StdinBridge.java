package rv.kernel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code System.in} for cells: when user code reads and nothing is buffered, the frontend is asked for
 * a line (Jupyter's input_request); a frontend that does not allow stdin gives end of input.
 */
final class StdinBridge extends InputStream {
    private final Supplier<String> lineSource;
    private byte[] buffer = new byte[0];
    private int pos;

    /** {@code lineSource} returns the next line typed by the user, or null for end of input. */
    StdinBridge(Supplier<String> lineSource) {
        this.lineSource = lineSource;
    }

    @Override
    public synchronized int read() {
        if (!fill()) return -1;
        return buffer[pos++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - pos;
    }

    private boolean fill() {
        if (pos < buffer.length) return true;
        String line = lineSource.get();
        if (line == null) return false;
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
