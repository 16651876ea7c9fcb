package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.EventSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Deterministic {@code event_id}s for rows without an id column: the SHA-256 of the source and the row's columns and
 * values, so uploading the same row again (a resumed or repeated run) gives the same id and TikTok deduplicates it.
 * The rejects file's own columns are left out, so a corrected rejects file keeps each row's id. Two identical rows
 * get one id on purpose: they describe the same event. Not thread-safe (one digest reused).
 */
final class EventIds {
    private final MessageDigest sha256;
    private final byte[] sourceBytes;

    EventIds(EventSource source) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        this.sourceBytes = source.wireValue().getBytes(StandardCharsets.UTF_8);
    }

    /** The id of a row: 64 lowercase hex characters. */
    String of(Map<String, String> fields) {
        sha256.reset();
        update(sourceBytes);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getKey().startsWith(FieldMapping.REJECT_COLUMN_PREFIX)) {
                update(field.getKey().getBytes(StandardCharsets.UTF_8));
                update(field.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Length-prefixed, so no choice of values can make two different rows hash the same input. */
    private void update(byte[] bytes) {
        int n = bytes.length;
        sha256.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha256.update(bytes);
    }
}
