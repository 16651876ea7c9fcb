package io.github.tiktokevents.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check: every request property of the spec has a way into the facade, or the build stops naming it. */
class DriftCheckTest {
    @TempDir
    Path dir;

    @Test
    void theRealSpecHasNoDriftAndItsExceptionsEachGiveAReason() {
        Map<String, String> files = FacadeGenerator.generate(SpecCopies.real());
        assertThat(files).containsKeys("io/github/tiktokevents/event/Event.java", "io/github/tiktokevents/event/User.java",
                "io/github/tiktokevents/event/EventSource.java", "io/github/tiktokevents/event/EventWriters.java");

        Map<String, String> exceptions = FacadeGenerator.facadeSetProperties(SpecCopies.real());
        System.out.println("Request properties the facade sets outside the event model (" + exceptions.size() + "):");
        exceptions.forEach((field, reason) -> System.out.println("  " + field + ": " + reason));
        assertThat(exceptions).containsKeys("EventTrackRequest.event_source_id", "PixelBatchEvent.type", "PixelContent.status");
        assertThat(exceptions.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(exceptions).hasSizeLessThanOrEqualTo(14); // a short list: envelopes, the batch item type, 1.0-only status
    }

    @Test
    void theNineFieldsOnceUnreachableAreNowGenerated() {
        Map<String, String> files = FacadeGenerator.generate(SpecCopies.real());
        String user = files.get("io/github/tiktokevents/event/User.java");
        for (String setter : new String[] {"attStatus(AttStatus", "firstName(String", "lastName(String", "zipCode(String",
                "city(String", "state(String", "country(String", "leadId(String"}) {
            assertThat(user).contains("public Builder " + setter);
        }
        assertThat(files.get("io/github/tiktokevents/event/Properties.java")).contains("public Builder deliveryCategory(DeliveryCategory");
    }

    @Test
    void aOnePointZeroFieldWithNoSourceFailsNamingIt() {
        String spec = SpecCopies.insertAfter(SpecCopies.text(), "description: A lead id (sent by some integrations",
                "          example: \"7124365412316213\"",
                "        loyalty_tier:",
                "          type: string",
                "          description: A new 1.0 field with no 2.0 counterpart and no mapping.");
        Path copy = SpecCopies.write(dir, spec);
        assertThatThrownBy(() -> FacadeGenerator.generate(copy))
                .isInstanceOf(SpecDriftException.class)
                .hasMessageContaining("PixelContextUser.loyalty_tier: no facade field at user.loyalty_tier");
    }

    @Test
    void aShapeTheGeneratorCannotMakeFailsNamingIt() {
        String spec = SpecCopies.insertAfter(SpecCopies.text(), "$ref: '#/components/schemas/Content'",
                "        mileage:",
                "          type: object",
                "          properties:",
                "            value: {type: number}",
                "            unit: {type: string}");
        Path copy = SpecCopies.write(dir, spec);
        assertThatThrownBy(() -> FacadeGenerator.generate(copy))
                .isInstanceOf(SpecDriftException.class)
                .hasMessageContaining("EventProperties.mileage: type object (an inline object: give it a schema name and $ref it)");
    }

    @Test
    void anEnvelopePropertyWithoutAFacadeSettingFailsNamingIt() {
        String spec = SpecCopies.insertAfter(SpecCopies.text(), "x-tiktok-facade: \"client setting per source:",
                "        batch_label:",
                "          type: string");
        Path copy = SpecCopies.write(dir, spec);
        assertThatThrownBy(() -> FacadeGenerator.generate(copy))
                .isInstanceOf(SpecDriftException.class)
                .hasMessageContaining("EventTrackRequest.batch_label: a request property with no facade field");
    }

    @Test
    void aNewPersonalFieldOnBothEditionsNeedsNoMapping() {
        String spec = SpecCopies.text();
        for (String anchor : new String[] {"description: The lead id for offline events", "description: A lead id (sent by some integrations"}) {
            spec = SpecCopies.insertAfter(spec, anchor,
                    "          example: \"7124365412316213\"",
                    "        date_of_birth:",
                    "          allOf:",
                    "            - $ref: '#/components/schemas/Sha256Hex'",
                    "          x-tiktok-pii: text");
        }
        Map<String, String> files = FacadeGenerator.generate(SpecCopies.write(dir, spec));
        assertThat(files.get("io/github/tiktokevents/event/User.java")).contains("public Builder dateOfBirth(String value)");
        assertThat(files.get("io/github/tiktokevents/event/EventWriters.java")).contains("N_DATE_OF_BIRTH");
    }

    @Test
    void anUnknownPersonalDataRuleFailsNamingIt() {
        String spec = SpecCopies.text().replace("x-tiktok-pii: zip", "x-tiktok-pii: postcode");
        Path copy = SpecCopies.write(dir, spec);
        assertThatThrownBy(() -> FacadeGenerator.generate(copy))
                .isInstanceOf(SpecDriftException.class)
                .hasMessageContaining("EventUser.zip_code: x-tiktok-pii names the rule 'postcode'");
    }

    @Test
    void anEnvelopePropertyWithoutASettingFailsNamingIt() {
        String spec = SpecCopies.text().replaceFirst("\n *x-tiktok-setting: partner-name", "");
        Path copy = SpecCopies.write(dir, spec);
        assertThatThrownBy(() -> FacadeGenerator.generate(copy))
                .isInstanceOf(SpecDriftException.class)
                .hasMessageContaining("EventTrackRequest.partner_name: set by the facade (x-tiktok-facade) but no x-tiktok-setting");
    }
}
