package io.github.tiktokevents.codegen;

import java.util.List;

/** The spec has request properties with no way into the facade: the build stops and names each one. */
public final class SpecDriftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The properties, each with why. */
    private final List<String> problems;

    SpecDriftException(List<String> problems) {
        super("The spec has " + problems.size() + " request propert" + (problems.size() == 1 ? "y" : "ies")
                + " that the facade cannot send:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The unreachable properties.
     *
     * @return one line per property: {@code Schema.property: why}
     */
    public List<String> problems() {
        return problems;
    }
}
