package rv.kernel.wire;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** HMAC signing of Jupyter messages (the key from the connection file; empty key = unsigned). */
public final class Signer {
    private final Mac prototype;

    public Signer(String key, String scheme) {
        if (key == null || key.isEmpty()) {
            prototype = null;
            return;
        }
        String algorithm = switch (scheme) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha512" -> "HmacSHA512";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-md5" -> "HmacMD5";
            default -> throw new IllegalArgumentException("unsupported signature_scheme '" + scheme
                    + "' in the connection file; use hmac-sha256");
        };
        try {
            prototype = Mac.getInstance(algorithm);
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex signature over header, parent header, metadata and content frames. */
    public String sign(List<byte[]> parts) {
        if (prototype == null) return "";
        Mac mac;
        try {
            mac = (Mac) prototype.clone(); // Mac is not thread-safe; a clone per message is cheap
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        for (byte[] p : parts) mac.update(p);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    public boolean verify(String signature, List<byte[]> parts) {
        if (prototype == null) return true;
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
