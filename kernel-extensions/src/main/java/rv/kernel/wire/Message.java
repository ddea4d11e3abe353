package rv.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter wire-protocol message (v5.3): routing identities, the four JSON parts and binary buffers.
 */
public record Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                      JsonObject content, List<byte[]> buffers) {

    public static final String PROTOCOL_VERSION = "5.3";
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    public String type() {
        return header.has("msg_type") ? header.get("msg_type").getAsString() : "";
    }

    public String id() {
        return header.has("msg_id") ? header.get("msg_id").getAsString() : "";
    }

    /** A new message of {@code type} in {@code session}, child of {@code parent} (may be null). */
    public static Message create(String type, String session, Message parent, JsonObject content) {
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", UUID.randomUUID().toString());
        header.addProperty("session", session);
        header.addProperty("username", parent != null && parent.header.has("username")
                ? parent.header.get("username").getAsString() : "kernel");
        header.addProperty("date", OffsetDateTime.now(ZoneOffset.UTC).format(ISO));
        header.addProperty("msg_type", type);
        header.addProperty("version", PROTOCOL_VERSION);
        return new Message(parent == null ? List.of() : parent.identities, header,
                parent == null ? new JsonObject() : parent.header, new JsonObject(), content, List.of());
    }

    /** Parses received frames; returns null when the signature does not match. */
    public static Message parse(List<byte[]> frames, Signer signer) {
        int d = 0;
        while (d < frames.size() && !java.util.Arrays.equals(frames.get(d), DELIMITER)) d++;
        if (d + 5 >= frames.size()) throw new IllegalArgumentException("message has fewer than 5 frames after <IDS|MSG>");
        List<byte[]> ids = new ArrayList<>(frames.subList(0, d));
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        List<byte[]> signed = frames.subList(d + 2, d + 6);
        if (!signer.verify(signature, signed)) return null;
        return new Message(ids, json(frames.get(d + 2)), json(frames.get(d + 3)), json(frames.get(d + 4)),
                json(frames.get(d + 5)), new ArrayList<>(frames.subList(d + 6, frames.size())));
    }

    private static JsonObject json(byte[] bytes) {
        var e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** Serialises, signs and sends on {@code socket}; the caller owns the socket's thread. */
    public void send(ZMQ.Socket socket, Signer signer) {
        List<byte[]> parts = List.of(bytes(header), bytes(parentHeader), bytes(metadata), bytes(content));
        String sig = signer.sign(parts);
        for (byte[] id : identities) socket.sendMore(id);
        socket.sendMore(DELIMITER);
        socket.sendMore(sig.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < parts.size(); i++) {
            if (i == parts.size() - 1 && buffers.isEmpty()) socket.send(parts.get(i));
            else socket.sendMore(parts.get(i));
        }
        for (int i = 0; i < buffers.size(); i++) {
            if (i == buffers.size() - 1) socket.send(buffers.get(i));
            else socket.sendMore(buffers.get(i));
        }
    }

    /** Same message with other routing identities (iopub topics). */
    public Message withIdentities(List<byte[]> ids) {
        return new Message(ids, header, parentHeader, metadata, content, buffers);
    }

    private static byte[] bytes(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }
}
