package io.github.tiktokevents.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the generated {@link HashedIdentifiers} (2.0 {@code email}, {@code phone}, {@code external_id}: one digest or
 * an array) behaves, including a limitation of openapi-generator 7.25.0 that callers must work around.
 */
class HashedIdentifiersTest {
    private static final String HASH_A = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
    private static final String HASH_B = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";

    @Test
    void readsOneDigestOrAnArray() throws Exception {
        EventUser single = EventUser.fromJson("{\"email\":\"" + HASH_A + "\"}");
        EventUser several = EventUser.fromJson("{\"email\":[\"" + HASH_A + "\",\"" + HASH_B + "\"]}");

        assertThat(single.getEmail().getString()).isEqualTo(HASH_A);
        assertThat(several.getEmail().getListString()).containsExactly(HASH_A, HASH_B);
    }

    @Test
    void writesOneDigest() {
        String json = new EventUser().email(new HashedIdentifiers(HASH_A)).toJson();

        assertThat(JsonParser.parseString(json)).isEqualTo(JsonParser.parseString("{\"email\":\"" + HASH_A + "\"}"));
    }

    /**
     * Canary: the generator's oneOf writer calls getAsJsonPrimitive() on the array branch, so a list cannot be
     * written through the typed field. When a generator upgrade fixes this, this test fails: then delete it and
     * the workaround below, and write lists through the typed field.
     */
    @Test
    void generatorCannotWriteAnArrayThroughTheTypedField() {
        EventUser user = new EventUser().email(new HashedIdentifiers(List.of(HASH_A, HASH_B)));

        assertThatThrownBy(user::toJson).isInstanceOf(IllegalStateException.class);
    }

    /** The workaround for several digests: leave the typed field null and send the array as an additional property. */
    @Test
    void writesAnArrayAsAnAdditionalProperty() {
        EventUser user = new EventUser().ip("13.57.97.131");
        user.putAdditionalProperty("email", List.of(HASH_A, HASH_B));

        String expected = "{\"ip\":\"13.57.97.131\",\"email\":[\"" + HASH_A + "\",\"" + HASH_B + "\"]}";
        assertThat(JsonParser.parseString(user.toJson())).isEqualTo(JsonParser.parseString(expected));
    }
}
