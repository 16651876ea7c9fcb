package io.github.tiktokevents.cli;

/** How progress is shown on standard error. */
enum ProgressMode {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO,
    /** A bar, redrawn in place. */
    BAR,
    /** A plain line every interval, for logs. */
    PLAIN,
    /** Nothing but the summary. */
    NONE
}
