package io.github.tiktokevents.exception;

import java.util.Objects;

/**
 * An event or one of its values is invalid, found before anything is sent. The message names the field
 * (for example {@code user.email}) and the rule it breaks, but never the value itself, which may be personal data.
 */
public class TikTokValidationException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /** The offending field's JSON path; never its value. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the JSON path of the offending field, e.g. {@code user.phone}
     * @param problem the rule the value breaks; must not contain the value
     */
    public TikTokValidationException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
        this.field = field;
    }

    /**
     * The offending field, as a JSON path such as {@code user.email} or {@code properties.contents[2].price}.
     *
     * @return the field name, never the value
     */
    public String field() {
        return field;
    }
}
