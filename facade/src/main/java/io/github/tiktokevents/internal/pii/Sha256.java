package io.github.tiktokevents.internal.pii;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 as 64 lowercase hex characters, the form TikTok expects for hashed personal data.
 *
 * <p>Hashing runs for every email, phone and external id of every event, so each thread keeps one digest and its
 * scratch arrays: the only allocation per value is the resulting {@code String} (and, for non-ASCII input, its
 * UTF-8 bytes).
 */
final class Sha256 {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int SCRATCH_INPUT_CHARS = 256;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Sha256() {
    }

    /** The lowercase hex SHA-256 of the UTF-8 bytes of {@code value}. */
    static String hex(CharSequence value) {
        Scratch scratch = SCRATCH.get();
        MessageDigest digest = scratch.digest;
        if (!scratch.encodeAscii(value)) {
            digest.update(value.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            digest.update(scratch.input, 0, value.length());
        }
        try {
            digest.digest(scratch.sum, 0, scratch.sum.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
        }
        byte[] hex = scratch.hex;
        for (int i = 0; i < scratch.sum.length; i++) {
            hex[2 * i] = HEX[(scratch.sum[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[scratch.sum[i] & 0xF];
        }
        return new String(hex, 0, hex.length, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@code value} is exactly 64 hexadecimal characters (either case), i.e. looks already hashed. */
    static boolean isHexDigest(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** One thread's digest and buffers. */
    private static final class Scratch {
        final MessageDigest digest = newDigest();
        final byte[] input = new byte[SCRATCH_INPUT_CHARS];
        final byte[] sum = new byte[32];
        final byte[] hex = new byte[64];

        /** Copies a short ASCII value into {@link #input}; false when it is too long or not ASCII. */
        boolean encodeAscii(CharSequence value) {
            int length = value.length();
            if (length > input.length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                input[i] = (byte) c;
            }
            return true;
        }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
        }
    }
}
