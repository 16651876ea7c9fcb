package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

    @Property(tries = 500)
    void anyWellFormedStringRoundTrips(@ForAll String text) {
        String expected = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(roundTrip(text)).isEqualTo(expected);
    }

    private static String roundTrip(String text) {
        byte[] name = JsonOut.name("v");
        byte[] json = new JsonOut(8).beginObject().name(name).value(text).endObject().toByteArray();
        JsonObject parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        return parsed.get("v").getAsString();
    }
}
