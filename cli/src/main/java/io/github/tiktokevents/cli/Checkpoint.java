package io.github.tiktokevents.cli;

/**
 * Where a stopped upload resumes: every row before {@link #rowsSettled()} has its final outcome (delivered, or
 * written to the rejects file, which is {@link #rejectsBytes()} long at that point). Rows after it may have been
 * sent too; a resumed run sends them again with the same {@code event_id}, and TikTok deduplicates them.
 *
 * @param version the file format's version
 * @param input the input it belongs to, as given (a file path)
 * @param inputFingerprint a hash of the input's first bytes, to refuse another file under the same name
 * @param rowsSettled rows settled, counted from the first data row
 * @param delivered of those, rows TikTok accepted
 * @param rejected of those, rows written to the rejects file
 * @param rejectsBytes the rejects file's length when the checkpoint was written
 * @param complete whether the whole input was read and settled
 */
record Checkpoint(int version, String input, String inputFingerprint, long rowsSettled, long delivered,
                  long rejected, long rejectsBytes, boolean complete) {

    /** The current file format. */
    static final int VERSION = 1;

    /** The starting point of a new upload. */
    static Checkpoint start(String input, String fingerprint) {
        return new Checkpoint(VERSION, input, fingerprint, 0, 0, 0, 0, false);
    }
}
