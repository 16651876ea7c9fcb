package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A builder used again after build() must not change the object it built (lists of two or more values included). */
class BuiltObjectsStayUnchangedTest {
    @Test
    void addingToTheBuilderAfterBuildLeavesTheBuiltObjectAlone() {
        User.Builder builder = User.builder().email("a@example.com").email("b@example.com");
        User built = builder.build();

        builder.email("c@example.com");

        assertThat(built.hashedEmails()).hasSize(2);
        assertThat(builder.build().hashedEmails()).hasSize(3);
    }
}
