package org.eventbooking.gateway.payments;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with the shared webhook secret. */
public final class WebhookSignature {

    public static final String HEADER = "X-Signature";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    /** Constant-time: how much of a forged signature matches must not show in the time taken. */
    public boolean verifies(String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
