package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.ApiException;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.http.CallDeadlines;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.metrics.GuardedMetrics;
import io.github.tiktokevents.outbox.OutboxEvent;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Sends one chunk (events of one source, within the request size cap) as one HTTP request, blocking or through
 * OkHttp's asynchronous queue, and turns the answer into a {@link SendResult} or a typed {@link TikTokException}.
 * Requests are built by the generated {@link ApiClient} (base URL, User-Agent, {@code Access-Token} auth) with a
 * body the facade writes itself, into the connection from each event's kept bytes: {@link EventTrackBody} for
 * Events API 2.0, {@link PixelBody} for 1.0.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ChunkSender {
    private static final String[] AUTH = {"AccessToken"};
    private static final long MAX_ANSWER_BYTES = 1024 * 1024;
    private static final ByteString UTF8_BOM = ByteString.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

    private final ApiClient apiClient;
    /** The client's OkHttp client without OkHttp's call timeout, which {@link #deadlines} keeps instead. */
    private final OkHttpClient httpClient;
    private final CallDeadlines deadlines;
    private final ClientSettings settings;
    private final ApiErrorMapper mapper;
    /** The three paths of this client's API version, made once rather than per request. */
    private final String trackPath;
    private final String pixelTrackPath;
    private final String pixelBatchPath;
    /** The 1.0 track and batch heads, which never change for this client; made on first use. */
    private volatile byte[][] pixelHeads;
    private final ConcurrentMap<String, Request> bareRequests = new ConcurrentHashMap<>();
    /** Each source's 2.0 envelope head, which never changes for this client; made on first use. */
    private final ConcurrentMap<EventSource, byte[]> envelopeHeads = new ConcurrentHashMap<>();

    /**
     * @param apiClient the generated client, which builds each path's bare request
     * @param httpClient the OkHttp client to send with; its own call timeout should be off, {@code deadlines} keeps it
     * @param deadlines the whole-call timeout of every request sent here
     * @param settings the client's settings
     * @param mapper turns answers and failures into results and typed errors
     */
    public ChunkSender(ApiClient apiClient, OkHttpClient httpClient, CallDeadlines deadlines, ClientSettings settings,
                       ApiErrorMapper mapper) {
        this.apiClient = apiClient;
        this.httpClient = httpClient;
        this.deadlines = deadlines;
        this.settings = settings;
        this.mapper = mapper;
        String version = "/open_api/" + apiClient.escapeString(settings.apiVersion());
        this.trackPath = version + "/event/track/";
        this.pixelTrackPath = version + "/pixel/track/";
        this.pixelBatchPath = version + "/pixel/batch/";
    }

    /** Never throws: every outcome, including an unexpected bug, completes the future. Cancelling it cancels the call. */
    public CompletableFuture<SendResult> sendAsync(EventSource source, List<Event> chunk) {
        Request request;
        try {
            request = request(source, chunk);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(buildFailure(e));
        }
        return sendAsync(source, chunk.size(), request);
    }

    /**
     * Sends one chunk of events an outbox kept, each from its stored bytes; like {@link #sendAsync(EventSource, List)}.
     *
     * @param source the events' source
     * @param chunk events of that source whose bytes are for this client's edition
     * @return TikTok's answer; never throws
     */
    public CompletableFuture<SendResult> sendStoredAsync(EventSource source, List<OutboxEvent> chunk) {
        Request request;
        try {
            request = storedRequest(source, chunk);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(buildFailure(e));
        }
        return sendAsync(source, chunk.size(), request);
    }

    private CompletableFuture<SendResult> sendAsync(EventSource source, int events, Request request) {
        CompletableFuture<SendResult> future = new CompletableFuture<>();
        Call call;
        try {
            call = httpClient.newCall(request);
        } catch (RuntimeException e) {
            future.completeExceptionally(buildFailure(e));
            return future;
        }
        deadlines.started(call);
        GuardedMetrics.Attempt attempt = settings.metrics().requestStarted(source, call.request(), events);
        // The hook hears the attempt's end before the future completes, so whoever the answer wakes (a flush, a
        // join) already sees it recorded; a cancelled attempt ends as a failure of its own kind, once.
        AtomicBoolean ended = new AtomicBoolean();
        future.whenComplete((result, error) -> {
            if (future.isCancelled()) {
                call.cancel();
                if (ended.compareAndSet(false, true)) {
                    attempt.failed(new TikTokException("the request was cancelled", error));
                }
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                TikTokException error = transportFailure(failed, e);
                deadlines.finished(failed);
                if (ended.compareAndSet(false, true)) {
                    attempt.failed(error);
                }
                future.completeExceptionally(error);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                SendResult result;
                try {
                    result = answer(answered, response);
                } catch (TikTokException e) {
                    deadlines.finished(answered);
                    if (ended.compareAndSet(false, true)) {
                        attempt.failed(e);
                    }
                    future.completeExceptionally(e);
                    return;
                }
                deadlines.finished(answered);
                if (ended.compareAndSet(false, true)) {
                    attempt.succeeded();
                }
                future.complete(result);
            }
        });
        return future;
    }

    /**
     * Sends one chunk on the calling thread ({@link Call#execute()}): no hand-over to OkHttp's dispatcher threads
     * and back, which costs a blocking caller two thread wake-ups per request. An interrupt of the calling thread
     * ends the call (the SDK's own sockets are interruptible; see {@code InterruptibleSockets}).
     *
     * @param source the events' source
     * @param chunk the events
     * @param abandoned completed (by {@code close()}) when nobody waits for the answer any more: cancels the call
     * @return TikTok's answer
     * @throws TikTokException for every failure, typed; an interrupt is a {@link TikTokException} naming it, with the
     *                         thread's interrupt flag set
     */
    public SendResult send(EventSource source, List<Event> chunk, CompletableFuture<?> abandoned) {
        Call call;
        try {
            call = httpClient.newCall(request(source, chunk));
        } catch (RuntimeException e) {
            throw buildFailure(e);
        }
        abandoned.whenComplete((ignored, error) -> call.cancel());
        GuardedMetrics.Attempt attempt = settings.metrics().requestStarted(source, call.request(), chunk.size());
        SendResult result;
        deadlines.started(call);
        try {
            result = answer(call, execute(call));
        } catch (TikTokException e) {
            attempt.failed(e);
            throw e;
        } finally {
            deadlines.finished(call);
        }
        attempt.succeeded();
        return result;
    }

    private Response execute(Call call) {
        try {
            return call.execute();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TikTokException("Interrupted while waiting for TikTok's answer; the request was cancelled", e);
            }
            throw transportFailure(call, e);
        }
    }

    /** Reads and closes an answer; every failure is a typed {@link TikTokException}. */
    private SendResult answer(Call call, Response response) {
        try (response) {
            return read(response);
        } catch (TikTokException e) {
            throw e;
        } catch (IOException e) {
            throw transportFailure(call, e);
        } catch (RuntimeException | Error e) {
            throw new TikTokException("unexpected failure reading TikTok's answer", e);
        }
    }

    private SendResult read(Response response) throws IOException {
        int status = response.code();
        if (status >= 300 && status < 400) {
            throw mapper.redirect(status, response.request().url(), response.header("Location"));
        }
        BufferedSource source = response.body().source();
        if (source.request(MAX_ANSWER_BYTES + 1)) {
            throw mapper.oversized(status, response.header("Retry-After"), MAX_ANSWER_BYTES);
        }
        return mapper.map(status, response.header("Retry-After"), text(response, source.getBuffer()));
    }

    /**
     * The whole answer, already read into {@code buffered}, as text. JSON is UTF-8 (RFC 8259), so that is decoded
     * directly, a leading byte order mark dropped; only an answer that names another charset goes through
     * OkHttp's decoding, which parses the media type on every call (a regular expression per answer).
     */
    private static String text(Response response, Buffer buffered) throws IOException {
        String contentType = response.header("Content-Type");
        int charset = contentType == null ? -1 : charsetAt(contentType);
        if (charset >= 0 && !contentType.regionMatches(true, charset + 8, "utf-8", 0, 5)
                && !contentType.regionMatches(true, charset + 8, "\"utf-8\"", 0, 7)) {
            return response.body().string();
        }
        if (buffered.size() >= 3 && buffered.rangeEquals(0, UTF8_BOM)) {
            buffered.skip(3);
        }
        return buffered.readUtf8();
    }

    /** No cause attached: OkHttp's header errors quote the header's value, which may be the token. */
    private static TikTokException buildFailure(RuntimeException e) {
        return e instanceof TikTokException ? (TikTokException) e
                : new TikTokException("could not build the request: " + e.getClass().getSimpleName());
    }

    private Request request(EventSource source, List<Event> chunk) {
        String sourceId = settings.sourceId(source);
        String path;
        RequestBody body;
        if (settings.edition() == ApiEdition.EVENTS_V2) {
            path = trackPath;
            body = new EventTrackBody(envelopeHead(source, sourceId), chunk);
        } else if (chunk.size() == 1) {
            path = pixelTrackPath;
            body = PixelBody.track(pixelHeads(sourceId)[0], chunk.get(0));
        } else {
            path = pixelBatchPath;
            body = PixelBody.batch(pixelHeads(sourceId)[1], chunk);
        }
        return bareRequest(path).newBuilder().post(body).build();
    }

    private Request storedRequest(EventSource source, List<OutboxEvent> chunk) {
        String sourceId = settings.sourceId(source);
        for (OutboxEvent event : chunk) {
            if (event.edition() != settings.edition() || !event.source().equals(source)) {
                // the relay checks this first; a body of another edition's bytes would be refused as a whole
                throw new TikTokConfigurationException("a stored event's bytes are for " + event.edition()
                        + " and source " + event.source().wireValue() + ", not this client's " + settings.edition());
            }
        }
        if (settings.edition() == ApiEdition.EVENTS_V2) {
            return bareRequest(trackPath).newBuilder()
                    .post(EventTrackBody.ofStored(envelopeHead(source, sourceId), chunk)).build();
        }
        byte[][] heads = pixelHeads(sourceId);
        return bareRequest(chunk.size() == 1 ? pixelTrackPath : pixelBatchPath).newBuilder()
                .post(PixelBody.ofStored(heads[0], heads[1], chunk)).build();
    }

    /**
     * The request to a path without its body: URL, User-Agent, {@code Access-Token} and content headers, which never
     * change for this client. The generated client parses the URL and rebuilds the headers on every call, about a
     * fifth of the processor's delivery thread in a profile, so it is asked once per path.
     */
    private Request bareRequest(String path) {
        Request bare = bareRequests.get(path);
        if (bare != null) {
            return bare;
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        try {
            // Built without a body, then given ours: the generated client would copy the body into a String for
            // request-signing auth schemes, which an API key does not need.
            bare = apiClient.buildRequest(null, path, "POST", Collections.emptyList(), Collections.emptyList(),
                    null, headers, Collections.emptyMap(), Collections.emptyMap(), AUTH, null);
        } catch (ApiException e) {
            throw new TikTokConfigurationException("could not build the request to " + path + ": " + e.getClass().getSimpleName());
        }
        bareRequests.put(path, bare); // two threads may both build it; either is the same request
        return bare;
    }

    private byte[] envelopeHead(EventSource source, String sourceId) {
        byte[] head = envelopeHeads.get(source);
        if (head == null) {
            // two threads may both make it; either copy is the same bytes
            head = EventTrackBody.envelopeHead(source, sourceId, settings.testEventCode(), settings.partnerName());
            envelopeHeads.put(source, head);
        }
        return head;
    }

    /** The 1.0 track and batch heads of the (one, web) source, which never change for this client. */
    private byte[][] pixelHeads(String pixelCode) {
        byte[][] heads = pixelHeads;
        if (heads == null) {
            // two threads may both make them; either copy is the same bytes
            heads = new byte[][] {PixelBody.trackHead(pixelCode, settings.testEventCode(), settings.partnerName()),
                    PixelBody.batchHead(pixelCode, settings.testEventCode(), settings.partnerName())};
            pixelHeads = heads;
        }
        return heads;
    }

    /** Where {@code charset=} starts in a media type, in any case, or -1; no lower-cased copy made per answer. */
    private static int charsetAt(String contentType) {
        for (int i = 0; i + 8 <= contentType.length(); i++) {
            if (contentType.regionMatches(true, i, "charset=", 0, 8)) {
                return i;
            }
        }
        return -1;
    }

    /** A transport failure, named a timeout when the call outlived its call timeout and was cancelled for it. */
    private TikTokException transportFailure(Call call, IOException e) {
        return mapper.transport(describe(call), deadlines.failure(call, e));
    }

    private static String describe(Call call) {
        return "POST " + call.request().url().encodedPath();
    }
}
