package io.github.tiktokevents.outbox.jdbc.internal;

import io.github.tiktokevents.exception.TikTokException;
import java.sql.SQLException;

/**
 * Turns a database failure into the SDK's unchecked exception: the table, the operation and the driver's SQL state
 * and error code in the message, the driver's exception as the cause. Unchecked on purpose: a failed
 * {@code add} inside a Spring {@code @Transactional} method rolls the transaction back, which a checked
 * {@link SQLException} would not do by default.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class StoreErrors {
    private StoreErrors() {
    }

    /**
     * @param table the outbox table
     * @param operation what was being done, e.g. {@code claim}
     * @param cause the driver's exception
     * @return the exception to throw
     */
    public static TikTokException failed(TableName table, String operation, SQLException cause) {
        // The driver's message stays in the cause: some drivers quote the values of a failing row there.
        return new TikTokException("JDBC outbox (table " + table.qualified() + "): " + operation + " failed, SQL state "
                + cause.getSQLState() + ", error code " + cause.getErrorCode(), cause);
    }
}
