package io.github.tiktokevents.cli;

/**
 * A row cannot become an event. Carries the field and the rule it breaks, never the value, which may be personal
 * data. Thrown for control flow inside the row conversion only, so it carries no stack trace.
 */
final class RowRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    RowRejectedException(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
    }

    /** The event field (such as {@code user.email}) or {@code row} when the row itself is unreadable. */
    String field() {
        return field;
    }

    /** The rule the value breaks. */
    String problem() {
        return problem;
    }
}
