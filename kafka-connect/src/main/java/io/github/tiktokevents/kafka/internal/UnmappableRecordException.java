package io.github.tiktokevents.kafka.internal;

/**
 * A record that cannot become a TikTok event: its reason names the record field or the event field at fault, never
 * a value, since values may be personal data. Such a record goes to the errant record reporter.
 */
public final class UnmappableRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason what is wrong, naming fields only
     */
    public UnmappableRecordException(String reason) {
        super(reason);
    }

    /**
     * @param reason what is wrong, naming fields only
     * @param cause the SDK's validation error, whose message names the field and not the value
     */
    public UnmappableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
