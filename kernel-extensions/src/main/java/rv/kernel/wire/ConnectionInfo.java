package rv.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter hands a kernel: transport, address, ports and signing key. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int iopubPort, int hbPort, String key, String signatureScheme) {

    /** Reads a connection file; throws with the file name when it is unreadable or incomplete. */
    public static ConnectionInfo read(Path file) throws IOException {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException("connection file " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        try {
            return new ConnectionInfo(
                    o.has("transport") ? o.get("transport").getAsString() : "tcp",
                    o.has("ip") ? o.get("ip").getAsString() : "127.0.0.1",
                    o.get("shell_port").getAsInt(), o.get("control_port").getAsInt(),
                    o.get("stdin_port").getAsInt(), o.get("iopub_port").getAsInt(), o.get("hb_port").getAsInt(),
                    o.has("key") ? o.get("key").getAsString() : "",
                    o.has("signature_scheme") ? o.get("signature_scheme").getAsString() : "hmac-sha256");
        } catch (RuntimeException e) {
            throw new IOException("connection file " + file + " lacks a port field (shell_port, control_port, "
                    + "stdin_port, iopub_port, hb_port): " + e, e);
        }
    }

    /** ZeroMQ endpoint for a port, e.g. {@code tcp://127.0.0.1:5555}. */
    public String endpoint(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
