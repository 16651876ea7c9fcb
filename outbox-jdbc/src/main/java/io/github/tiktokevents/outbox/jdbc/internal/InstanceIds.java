package io.github.tiktokevents.outbox.jdbc.internal;

import java.util.UUID;

/**
 * Names an outbox instance in the rows it claims ({@code claimed_by}): the process id, for an operator looking at
 * the table, and random digits, so two processes or restarts never share a name.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class InstanceIds {
    private InstanceIds() {
    }

    /**
     * @param serial this process's count of outboxes made so far
     * @return {@code pid-<pid>-<serial>-<12 random hex digits>}, at most 44 characters, leaving room in the
     *         64-character column for a claim's sequence number
     */
    public static String next(long serial) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return "pid-" + ProcessHandle.current().pid() + "-" + serial + "-" + random;
    }
}
