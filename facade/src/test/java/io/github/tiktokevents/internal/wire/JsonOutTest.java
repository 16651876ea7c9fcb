package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any string survives the hand-written JSON writer's escaping, as a standard JSON parser reads it back. */
class JsonOutTest {
    @Test
    void trickyStringsSurviveEscaping() {
        for (String text : List.of("quote \" and backslash \\", "tab\tnew\nline\u0001", "ünïcødé €", "emoji 😀",
                "</script>", "\u2028\u2029")) {
            assertThat(roundTrip(text)).isEqualTo(text);
        }
        assertThat(roundTrip("lone \uD800 surrogate")).isEqualTo("lone ? surrogate");
    }

    @Test
    void anyStringRoundTripsAsUtf8Would() {
        long seed = 500L;
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(random.nextBoolean() ? (char) random.nextInt(0x80) : (char) random.nextInt(Character.MAX_VALUE + 1));
            }
            String expected = new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(roundTrip(text.toString())).as("input #%d %s (seed %d)", i, text.codePoints().boxed().toList(), seed)
                    .isEqualTo(expected);
        }
    }

    private static String roundTrip(String text) {
        byte[] name = JsonOut.name("v");
        byte[] json = new JsonOut(8).beginObject().name(name).value(text).endObject().toByteArray();
        JsonObject parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        return parsed.get("v").getAsString();
    }
}
