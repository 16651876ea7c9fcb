package io.github.tiktokevents.examples;

import io.github.tiktokevents.client.ApiException;
import io.github.tiktokevents.client.ApiResponse;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventSource;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.Page;
import io.github.tiktokevents.client.model.TikTokResponse;
import io.github.tiktokevents.event.User;
import java.time.Instant;
import java.util.Optional;

/**
 * Drops down to the generated {@code EventApi} through {@code tiktok.eventApi()}, for fields or endpoints the facade
 * does not cover. Here nothing validates, hashes or maps the answer for you: the example hashes the email with the
 * facade's {@link User}, and reads TikTok's {@code code} itself, because TikTok answers HTTP 200 on most failures.
 *
 * <pre>
 * mvn -q -Pexample compile -Dexample=RawEventApi
 * </pre>
 */
public final class RawEventApi {
    private RawEventApi() {
    }

    /**
     * Runs the example and exits with its status: 0 accepted, 1 refused or no answer, 2 not configured.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Example.run(RawEventApi::send, System::getenv, System.out, System.err));
    }

    static int send(ExampleTarget target, Report report) {
        Optional<String> pixel = target.pixelId();
        if (pixel.isEmpty()) {
            return report.notConfigured("set " + ExampleTarget.PIXEL_ID + " (TikTok Events Manager > Data Sources >"
                    + " your pixel: Pixel ID); nothing was sent");
        }
        // The facade's User normalises and hashes; the raw models take the digests as they are.
        User user = User.builder().email("Test@Test.com ").ip("13.57.97.131").build();
        String hashedEmail = user.hashedEmails().get(0);
        EventTrackRequest request = new EventTrackRequest()
                .eventSource(EventSource.WEB)
                .eventSourceId(pixel.get())
                .testEventCode(target.testEventCode().orElse(null))
                .addDataItem(new EventData()
                        .event("ViewContent")
                        .eventId("raw-123456789")
                        .eventTime(Instant.now().getEpochSecond())   // Unix seconds: the raw API does no coercion
                        .user(new EventUser().email(new HashedIdentifiers(hashedEmail)).ip("13.57.97.131"))
                        .page(new Page().url("https://www.example.com")));
        report.line("Sent through EventApi.eventTrack: ViewContent event_id=raw-123456789, user.email (SHA-256) "
                + hashedEmail);

        EventApi api = target.client().eventApi();
        try {
            ApiResponse<TikTokResponse> response = api.eventTrackWithHttpInfo(target.apiVersion(), request);
            report.recordedBodies(target);
            TikTokResponse answer = response.getData();
            report.line(report.answerer() + " answered HTTP " + response.getStatusCode() + ": code=" + answer.getCode()
                    + ", message=" + answer.getMessage() + ", request_id=" + answer.getRequestId());
            if (answer.getCode() != 0 && answer.getCode() != 20001) {
                return report.notAccepted("HTTP 200 yet code " + answer.getCode() + ": the raw API does not throw"
                        + " for TikTok's refusals, so check code yourself (the facade maps it to an exception)");
            }
            return Report.OK;
        } catch (ApiException e) {
            // Thrown for HTTP errors and failed connections only.
            report.recordedBodies(target);
            return report.notAccepted("EventApi threw ApiException: HTTP " + e.getCode() + ", "
                    + Report.oneLine(e.getMessage()));
        }
    }
}
