package io.github.tiktokevents.cli;

/** The exit codes scripts can rely on. */
final class ExitCodes {
    /** Every row was accepted (or, in a dry run, is valid). */
    static final int ALL_ACCEPTED = 0;
    /** Some rows were refused (see the rejects file), or the upload stopped early and can be resumed. */
    static final int SOME_REFUSED = 1;
    /** Bad usage or configuration: nothing, or nothing more, was sent. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
