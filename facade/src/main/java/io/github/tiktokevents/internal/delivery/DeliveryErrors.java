package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever a transport threw or failed a future with into the SDK's typed exceptions, so every failed
 * event is reported with a {@link TikTokException} and the retry decision can rely on
 * {@link TikTokException#isRetryable()}.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryErrors {
    private static final long INVALID_PARAMETER = 40002;
    private static final int PAYLOAD_TOO_LARGE = 413;
    private static final long TARGET_NOT_FOUND = 40007;

    private DeliveryErrors() {
    }

    /**
     * The typed failure behind {@code failure}.
     *
     * <ul>
     *   <li>a {@link TikTokException}, also inside {@link CompletionException} or {@link ExecutionException}: itself;</li>
     *   <li>an {@link IOException}: a retryable {@link TikTokTransportException};</li>
     *   <li>a cancellation: a non-retryable {@link TikTokException}, because someone chose to stop;</li>
     *   <li>anything else (a bug in a transport or a listener): a non-retryable {@link TikTokException}.</li>
     * </ul>
     *
     * @param failure what was thrown
     * @return the typed exception, never null
     */
    /**
     * Whether a refusal may be caused by one event of the chunk, so that splitting it can deliver the rest: TikTok's
     * invalid-parameter code 40002, or HTTP 413 (too large). Not other 4xx answers without an envelope (a wrong base
     * URL gives 404 for every half) nor 40007 (the pixel or event set does not exist): splitting those would turn one
     * refusal into about two requests per event.
     */
    static boolean mayBeAboutOneEvent(TikTokException error) {
        if (!(error instanceof InvalidRequestException)) {
            return false;
        }
        InvalidRequestException invalid = (InvalidRequestException) error;
        return invalid.code() == INVALID_PARAMETER || invalid.httpStatus() == PAYLOAD_TOO_LARGE;
    }

    /**
     * Whether a refusal will fail every event of this processor alike, so that sending more only repeats it: a wrong
     * or missing token ({@link AuthenticationException}), a missing permission ({@link PermissionDeniedException}),
     * or TikTok's 40007, the pixel or event set does not exist (a deleted or disabled one).
     */
    static boolean failsEveryEvent(TikTokException error) {
        if (error instanceof AuthenticationException || error instanceof PermissionDeniedException) {
            return true;
        }
        return error instanceof InvalidRequestException && ((InvalidRequestException) error).code() == TARGET_NOT_FOUND;
    }

    public static TikTokException toTikTokException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TikTokException) {
            return (TikTokException) cause;
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return new TikTokTransportException("The request to TikTok failed: "
                    + cause.getClass().getSimpleName(), cause);
        }
        if (cause instanceof CancellationException) {
            return new TikTokException("The request to TikTok was cancelled", cause);
        }
        return new TikTokException("Sending to TikTok failed unexpectedly: " + cause.getClass().getName(), cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
