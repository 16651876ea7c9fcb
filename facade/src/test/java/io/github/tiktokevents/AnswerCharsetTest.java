package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the answer's bytes become text: UTF-8 by default, a byte order mark dropped, another declared charset honoured. */
class AnswerCharsetTest {
    private static final String ANSWER = "{\"code\":0,\"message\":\"Reçu\",\"request_id\":\"req-1\",\"data\":{}}";
    @RegisterExtension
    final MockTikTok tiktok = MockTikTok.started();


    private String messageOf(String contentType, Buffer body) {
        MockResponse.Builder answer = new MockResponse.Builder().code(200).body(body);
        if (contentType != null) {
            answer.addHeader("Content-Type", contentType);
        }
        tiktok.server.enqueue(answer.build());
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            Event event = Event.builder(EventNames.VIEW_CONTENT).eventId("e-1").page(Page.of("https://shop.example"))
                    .build();
            return client.send(event).message();
        }
    }

    @Test
    void utf8IsReadWithOrWithoutADeclaredCharset() {
        assertThat(messageOf("application/json", new Buffer().writeUtf8(ANSWER))).isEqualTo("Reçu");
        assertThat(messageOf("application/json; Charset=\"UTF-8\"", new Buffer().writeUtf8(ANSWER))).isEqualTo("Reçu");
        assertThat(messageOf(null, new Buffer().writeUtf8(ANSWER))).isEqualTo("Reçu");
    }

    @Test
    void aLeadingByteOrderMarkIsDropped() {
        Buffer body = new Buffer().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).writeUtf8(ANSWER);
        assertThat(messageOf("application/json", body)).isEqualTo("Reçu");
    }

    @Test
    void anotherDeclaredCharsetIsHonoured() {
        Buffer latin1 = new Buffer().write(ANSWER.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(messageOf("application/json; charset=ISO-8859-1", latin1)).isEqualTo("Reçu");
    }
}
