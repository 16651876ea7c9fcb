package io.github.tiktokevents.outbox.jdbc.internal;

import java.util.UUID;

/**
 * Names an outbox instance in the rows it claims ({@code claimed_by}): the process id, for an operator looking at
 * the table, and random digits, so two outboxes, processes or restarts never share a name.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class InstanceIds {
    private InstanceIds() {
    }

    /**
     * @return {@code pid-<pid>-<16 random hex digits>}, at most 40 characters, leaving room in the 64-character
     *         column for a claim's serial number
     */
    public static String next() {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return "pid-" + ProcessHandle.current().pid() + "-" + random;
    }
}
