package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.post;
import static io.github.tiktokevents.emulator.Clients.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.serialization.YamlMapperFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * An emulator given an edited copy of the spec validates against the copy: a spec change can be tried before it is
 * packaged, and a new {@code x-tiktok-pii} field is checked without a change to the emulator.
 */
class SpecCopyTest {
    /** A new property, a new personal-data field typed as a digest, and a new event source. */
    static String changedSpec() {
        String spec = SpecCopies.packaged();
        spec = SpecCopies.addProperty(spec, "EventProperties", """
                order_channel:
                  type: string
                  description: Where the order was placed.
                """);
        spec = SpecCopies.addProperty(spec, "EventUser", """
                date_of_birth:
                  allOf:
                    - $ref: '#/components/schemas/Sha256Hex'
                  description: SHA-256 hashed date of birth.
                  x-tiktok-pii: text
                """);
        // marked personal, but typed as any string: only the extension says it must be a digest
        spec = SpecCopies.addProperty(spec, "EventUser", """
                middle_name:
                  type: string
                  x-tiktok-pii: name
                """);
        spec = SpecCopies.addProperty(spec, "PixelContextUser", """
                middle_name:
                  type: string
                  x-tiktok-pii: name
                """);
        return SpecCopies.addEnumValue(spec, "EventSource", "mini_app");
    }

    @TempDir
    static Path dir;
    private static TikTokEmulator copy;
    private static TikTokEmulator packaged;

    @BeforeAll
    static void start() {
        copy = TikTokEmulator.builder().spec(SpecCopies.write(dir, "tiktok-events-api.yaml", changedSpec()))
                .build().start();
        packaged = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        copy.close();
        packaged.close();
    }

    private static String miniAppEvent(String user) {
        return "{\"event_source\":\"mini_app\",\"event_source_id\":\"MA1\",\"data\":[{\"event\":\"Purchase\","
                + "\"event_time\":" + Instant.now().getEpochSecond() + ",\"user\":" + user + ","
                + "\"properties\":{\"order_channel\":\"in_app\",\"currency\":\"USD\",\"value\":10}}]}";
    }

    @Test
    void acceptsTheNewPropertyPersonalFieldAndEnumValue() {
        Clients.Answer answer = post(copy, Endpoint.EVENT_TRACK,
                miniAppEvent("{\"date_of_birth\":\"" + sha256("19900131") + "\"}"));

        assertThat(answer.code()).as(answer.body()).isZero();
        assertThat(copy.events()).singleElement().extracting(RecordedEvent::eventName).isEqualTo("Purchase");
    }

    @Test
    void refusesAnUnhashedNewPersonalFieldNamingItButNotItsValue() {
        Clients.Answer answer = post(copy, Endpoint.EVENT_TRACK, miniAppEvent("{\"date_of_birth\":\"1990-01-31\"}"));

        assertThat(answer.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(answer.message())
                .isEqualTo("Invalid parameters: $.data[0].user.date_of_birth: must be a SHA-256 hash (64 lowercase"
                        + " hex characters): normalise and hash personal data before sending it")
                .doesNotContain("1990");
    }

    @Test
    void refusesAnUnhashedValueOfAPlainStringTheSpecMarksAsPersonal() {
        Clients.Answer unhashed = post(copy, Endpoint.EVENT_TRACK, miniAppEvent("{\"middle_name\":\"Maria\"}"));
        Clients.Answer pixel = post(copy, Endpoint.PIXEL_BATCH, "{\"pixel_code\":\"P1\",\"batch\":[{\"event\":\"A\","
                + "\"context\":{\"user\":{\"middle_name\":\"" + sha256("maria") + "\"}}},{\"event\":\"B\","
                + "\"context\":{\"user\":{\"middle_name\":\"Maria\"}}}]}");
        Clients.Answer hashed = post(copy, Endpoint.EVENT_TRACK,
                miniAppEvent("{\"middle_name\":\"" + sha256("maria") + "\"}"));

        assertThat(unhashed.message()).contains("$.data[0].user.middle_name: must be a SHA-256 hash")
                .doesNotContain("Maria");
        assertThat(pixel.message()).contains("$.batch[1].context.user.middle_name: must be a SHA-256 hash")
                .doesNotContain("batch[0]").doesNotContain("Maria");
        assertThat(hashed.code()).as(hashed.body()).isZero();
    }

    @Test
    void collectsTheNewPersonalDataFieldsFromTheCopy() {
        SpecValidator validator = SpecValidator.of(dir.resolve("tiktok-events-api.yaml"));

        assertThat(validator.personalDataPaths(Endpoint.EVENT_TRACK))
                .contains("data[].user.email", "data[].user.date_of_birth", "data[].user.middle_name");
        assertThat(validator.personalDataPaths(Endpoint.PIXEL_TRACK)).contains("context.user.middle_name");
        assertThat(SpecValidator.shared().personalDataPaths(Endpoint.EVENT_TRACK))
                .doesNotContain("data[].user.date_of_birth");
    }

    @Test
    void theDefaultEmulatorStillValidatesAgainstThePackagedSpec() {
        Clients.Answer newSource = post(packaged, Endpoint.EVENT_TRACK,
                miniAppEvent("{\"date_of_birth\":\"" + sha256("19900131") + "\"}"));
        Clients.Answer unmarked = post(packaged, Endpoint.EVENT_TRACK,
                miniAppEvent("{\"date_of_birth\":\"1990-01-31\"}").replace("mini_app", "web")
                        .replace("\"user\":", "\"page\":{\"url\":\"https://shop.example\"},\"user\":"));

        assertThat(newSource.message()).contains("$.event_source").contains("enumeration");
        assertThat(unmarked.code()).as("additional properties are allowed, and this one is not marked there").isZero();
    }

    @Test
    void readsAJsonCopyUnderAnyFileName(@TempDir Path other) {
        String json = JsonMapper.shared().writeValueAsString(YamlMapperFactory.getInstance().readTree(changedSpec()));
        try (TikTokEmulator fromJson = TikTokEmulator.builder().spec(SpecCopies.write(other, "spec.json", json))
                .build().start()) {
            assertThat(post(fromJson, Endpoint.EVENT_TRACK, miniAppEvent("{\"date_of_birth\":\"1990\"}")).message())
                    .contains("$.data[0].user.date_of_birth: must be a SHA-256 hash");
        }
    }

    @Test
    void refusesToStartWithoutAUsableSpec(@TempDir Path other) {
        TikTokEmulatorBuilder missing = TikTokEmulator.builder().spec(other.resolve("nowhere.yaml"));
        TikTokEmulatorBuilder notASpec = TikTokEmulator.builder()
                .spec(SpecCopies.write(other, "broken.yaml", "openapi: 3.0.3\ncomponents: {schemas: {}}\n"));
        TikTokEmulatorBuilder notYaml = TikTokEmulator.builder()
                .spec(SpecCopies.write(other, "garbage.yaml", "openapi: [3.0.3\n"));

        assertThatThrownBy(() -> missing.build().start()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nowhere.yaml");
        assertThatThrownBy(() -> notASpec.build().start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("EventTrackRequest");
        assertThatThrownBy(() -> notYaml.build().start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage.yaml");
        assertThatThrownBy(() -> TikTokEmulator.builder().spec(null)).isInstanceOf(NullPointerException.class);
    }
}
