package io.github.tiktokevents.examples;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import java.io.PrintStream;
import java.util.List;

/**
 * What every example prints: where it sent, what it sent (personal data hashed), what came back, and the exit
 * status that goes with it. Failures are one line on the error stream, never carrying the token.
 */
final class Report {
    /** Everything was sent and accepted. */
    static final int OK = 0;
    /** TikTok (or the emulator) refused something, or no answer came. */
    static final int FAILED = 1;
    /** Nothing was sent: the configuration is incomplete. */
    static final int NOT_CONFIGURED = 2;

    private final PrintStream out;
    private final PrintStream err;
    private String answerer = "TikTok";

    Report(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void target(ExampleTarget target) {
        answerer = target.isEmulator() ? "The emulator" : "TikTok";
        out.println("Sending to " + target.describe());
    }

    /** @return "TikTok" or "The emulator": who answers the requests */
    String answerer() {
        return answerer;
    }

    void line(String text) {
        out.println(text);
    }

    /** The event as the SDK holds it: email, phone and external id are already SHA-256 digests. */
    void sentEvent(Event event) {
        out.println("Sent " + event.source().wireValue() + " event " + event.name() + ": event_id=" + event.eventId()
                + ", event_time=" + event.time().getEpochSecond() + " (" + event.time() + ")");
        event.user().ifPresent(this::hashedUser);
    }

    private void hashedUser(User user) {
        digests("email", user.hashedEmails());
        digests("phone", user.hashedPhones());
        digests("external_id", user.hashedExternalIds());
    }

    private void digests(String field, List<String> values) {
        for (String digest : values) {
            out.println("  user." + field + " (SHA-256) " + digest);
        }
    }

    /** The bodies exactly as the emulator recorded them. */
    void recordedBodies(ExampleTarget target) {
        for (RecordedRequest request : target.recordedRequests()) {
            out.println("The emulator received " + request.method() + " " + request.path() + ":");
            out.println("  " + request.body());
        }
    }

    void result(SendResult result) {
        out.println(answerer + " answered: code=" + result.code() + ", message=" + result.message()
                + ", request_id=" + result.requestId() + (result.isPartial() ? ", PARTIAL: " + result.data() : ""));
    }

    /**
     * Prints one line about a failure and picks the exit status.
     *
     * @return {@link #NOT_CONFIGURED} for configuration problems, else {@link #FAILED}
     */
    int failure(RuntimeException e) {
        if (e instanceof TikTokApiException api) {
            err.println("FAILED: " + answerer + " refused: code=" + api.code() + ", message=" + oneLine(api.apiMessage())
                    + ", request_id=" + api.requestId() + ", retryable=" + api.isRetryable());
            return FAILED;
        }
        if (e instanceof TikTokConfigurationException) {
            err.println("NOT CONFIGURED: " + oneLine(e.getMessage()));
            return NOT_CONFIGURED;
        }
        String kind = e instanceof TikTokException ? "" : e.getClass().getSimpleName() + ": ";
        err.println("FAILED: " + kind + oneLine(e.getMessage()));
        return FAILED;
    }

    /**
     * Prints one line about a refusal the SDK did not turn into an exception (the raw API).
     *
     * @return {@link #FAILED}
     */
    int notAccepted(String problem) {
        err.println("FAILED: " + problem);
        return FAILED;
    }

    int notConfigured(String problem) {
        err.println("NOT CONFIGURED: " + problem);
        return NOT_CONFIGURED;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
