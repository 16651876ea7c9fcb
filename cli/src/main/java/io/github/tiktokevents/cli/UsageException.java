package io.github.tiktokevents.cli;

/**
 * The command cannot run as asked: a bad option, a missing setting or an unreadable file. Exit code 2. Its message
 * says what to fix and never contains the access token or a row's values.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
