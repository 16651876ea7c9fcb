package io.github.tiktokevents.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules table comes from the spec's info.x-tiktok-rules, and a spec edit cannot quietly drop or break a rule. */
class RulesGeneratorTest {

    @Test
    void theTableHoldsTheSpecsFigures() {
        String source = RulesGenerator.generate(SpecCopies.real());

        assertThat(source).contains("Map.entry(\"offline\", Duration.parse(\"PT672H\"))")
                .contains("FUTURE_TOLERANCE = Duration.parse(\"PT1H\")")
                .contains("MAX_TEXT_LENGTH = 16384", "MAX_REQUEST_BYTES = 4194304", "VALUE_REQUIRES_CURRENCY = true")
                .contains("\"USD\"", "\"BRL\"").contains("Map.entry(\"legacy\", List.of(\"CompletePayment\"");
    }

    @Test
    void aChangedFigureChangesTheTable(@TempDir Path dir) {
        Path copy = SpecCopies.write(dir, SpecCopies.text().replace("max-text-length: 16384", "max-text-length: 512"));

        assertThat(RulesGenerator.generate(copy)).contains("MAX_TEXT_LENGTH = 512");
    }

    @Test
    void aMissingOrMalformedRuleFailsNamingIt(@TempDir Path dir) {
        Path missing = SpecCopies.write(dir, SpecCopies.text().replace("    future-tolerance: PT1H\n", ""));
        assertThatThrownBy(() -> RulesGenerator.generate(missing)).hasMessageContaining("x-tiktok-rules.future-tolerance");

        Path malformed = SpecCopies.write(dir, SpecCopies.text().replace("future-tolerance: PT1H", "future-tolerance: an hour"));
        assertThatThrownBy(() -> RulesGenerator.generate(malformed)).hasMessageContaining("future-tolerance")
                .hasMessageContaining("ISO-8601 duration");
    }
}
