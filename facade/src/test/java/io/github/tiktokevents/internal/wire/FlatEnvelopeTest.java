package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flat envelope is a shortcut past Gson's reader: what it takes it must read exactly as the reader does, and
 * everything else it must leave to the reader, which then decides (malformed answers included).
 */
class FlatEnvelopeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"20261202090000ABCDEF\",\"data\":{}}",
        "{\"code\":40001,\"message\":\"Invalid access token. Please check.\",\"request_id\":\"r-1\",\"data\":{}}",
        "{\"code\":20001,\"message\":\"\",\"request_id\":\"\",\"data\":{}}",
        "{\"code\":999999999,\"message\":\"a/b: c=d (e) [f] ~!@#$%^&*_+'`|<>?\",\"request_id\":\"x\",\"data\":{}}",
    })
    void readsTheFlatShapeExactlyAsTheJsonReaderDoes(String body) {
        Envelope flat = FlatEnvelope.read(body);

        assertThat(flat).isNotNull();
        assertThat(flat).isEqualTo(Envelope.readWithJsonReader(body));
        assertThat(Envelope.read(body)).isEqualTo(flat);
        assertThat(flat.data()).isEqualTo(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // whitespace, another key order, more or fewer keys, data with content
        "{ \"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\": 0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}\n",
        "{\"message\":\"OK\",\"code\":0,\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\"}",
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{},\"extra\":1}",
        "{\"code\":20001,\"message\":\"partial\",\"request_id\":\"r\",\"data\":{\"failed_events\":[]}}",
        // strings that need decoding, or are not plain ASCII
        "{\"code\":0,\"message\":\"say \\\"OK\\\"\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":0,\"message\":\"caf\u00e9\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":0,\"message\":\"tab\\tand \\u0041\",\"request_id\":\"r\",\"data\":{}}",
        // numbers the shortcut does not read: a sign, ten digits
        "{\"code\":-1,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":1000000000,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        // null strings
        "{\"code\":0,\"message\":null,\"request_id\":\"r\",\"data\":{}}",
    })
    void leavesEveryOtherShapeToTheJsonReader(String body) {
        assertThat(FlatEnvelope.read(body)).isNull();
        assertThat(Envelope.read(body)).isEqualTo(Envelope.readWithJsonReader(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}}",
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}",
        "{\"code\":0.5,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":01,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}",
        "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{}}trailing",
        "{\"code\":0,\"message\":\"OK",
        "{\"code\":0",
        "{\"code\":",
        "",
    })
    void neverTakesAMalformedAnswer(String body) {
        assertThat(FlatEnvelope.read(body)).isNull();
        assertThatThrownBy(() -> Envelope.read(body)).isInstanceOf(IllegalArgumentException.class);
    }
}
