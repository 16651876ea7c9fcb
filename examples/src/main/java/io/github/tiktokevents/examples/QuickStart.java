package io.github.tiktokevents.examples;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Instant;

/**
 * The README's quick start: one ViewContent web event, sent with {@code TikTokEvents.send}.
 *
 * <pre>
 * mvn -q -Pexample compile
 * </pre>
 *
 * <p>Without {@code TIKTOK_ACCESS_TOKEN} it sends to an in-process emulator; with it (and {@code TIKTOK_PIXEL_ID})
 * to your pixel, best with {@code TIKTOK_TEST_EVENT_CODE} set so the event shows in Events Manager's Test Events tab.
 */
public final class QuickStart {
    /** The README event's time. */
    static final String README_TIMESTAMP = "2023-02-01T00:00:00-03:00";
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36";

    private QuickStart() {
    }

    /**
     * Runs the example and exits with its status: 0 sent and accepted, 1 refused or no answer, 2 not configured.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Example.run(QuickStart::send, System::getenv, System.out, System.err));
    }

    static int send(ExampleTarget target, Report report) {
        // Real TikTok may ignore an event from 2023, so there the event happens now; the emulator gets the README's,
        // and the SDK's warning about its age is shown here rather than logged (EventDefaults.withWarningListener).
        EventDefaults defaults = EventDefaults.standard()
                .withWarningListener(warning -> report.line("Warning: " + warning.field() + " " + warning.message()));
        Event event = event(target.isEmulator() ? README_TIMESTAMP : Instant.now().toString(), defaults);
        try {
            SendResult result = target.client().send(event);
            report.sentEvent(event);
            report.recordedBodies(target);
            report.result(result);
            return Report.OK;
        } catch (TikTokException e) {
            report.sentEvent(event);
            report.recordedBodies(target);
            return report.failure(e);
        }
    }

    /**
     * The README's event. Email, phone and external id are normalised and SHA-256 hashed when the user is built.
     *
     * @param timestamp an ISO-8601 time with offset
     * @param defaults where its warnings go
     * @return the event
     */
    static Event event(String timestamp, EventDefaults defaults) {
        return Event.builder(EventNames.VIEW_CONTENT, defaults)
                .eventId("123456789")
                .timestamp(timestamp)
                .user(User.builder()
                        .email("test@test.com")
                        .phone("+5541998862934")
                        .externalId("123456")
                        .ttp("94e2a4j9-h3ss-k2h5-98cc-c84a745mk098")
                        .ttclid("E.C.P.v3fQ2RHacdkfKfofPmlyuStIIHJ4Af1tKYxF9zz2c2PLx1Oaw15oHpcfl5AH")
                        .ip("13.57.97.131")
                        .userAgent(USER_AGENT)
                        .build())
                .page(Page.of("https://www.example.com", "https://www.google.com"))   // url, referrer
                .properties(Properties.builder()
                        .currency("BRL")
                        .value(1.00)
                        .description("mock description")
                        .query("mock query")
                        .addContent(Content.builder()
                                .contentType(ContentType.PRODUCT)
                                .contentId("123456789")
                                .contentName("mock content name")
                                .contentCategory("mock content category")
                                .price(1.00)
                                .quantity(1)
                                .build())
                        .build())
                .build();
    }
}
