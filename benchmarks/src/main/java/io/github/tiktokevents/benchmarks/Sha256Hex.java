package io.github.tiktokevents.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The baseline's hashing: one reused {@link MessageDigest} and a table-driven hex encoder, the least a hand-written
 * integration could do. Not thread-safe: one instance per benchmark thread.
 */
final class Sha256Hex {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final MessageDigest digest;

    Sha256Hex() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    String hash(String value) {
        byte[] sum = digest.digest(value.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[sum.length * 2];
        for (int i = 0; i < sum.length; i++) {
            out[i * 2] = HEX[(sum[i] >> 4) & 0xf];
            out[i * 2 + 1] = HEX[sum[i] & 0xf];
        }
        return new String(out);
    }
}
