package io.github.tiktokevents.benchmarks;

import java.util.Locale;

/**
 * The report's closing sections: what each baseline is, so a reader can judge the comparison, and where the
 * allocation budget goes, with the steps measured by {@link AllocationBreakdown} when the report is written.
 */
final class Baselines {
    private static final String COMPARED = """
            ## What is compared

            1. **Preparation** (`PreparationBenchmark`), in each API edition: the SDK builds the README's quick-start
               event (validation, normalisation and SHA-256 of email, phone and external id, the time given as epoch
               seconds, as the baselines get it) and writes the request body into an okio buffer, as OkHttp does when
               sending; the body makes the edition's bytes of the event on first use, exactly as `send` does. For
               Events API 2.0 that is the `/event/track/` body (`EventTrackBody`; its envelope head is made once per
               client, so the benchmark makes it once too). For Events API 1.0 it is the `/pixel/track/` body of a
               client built with `ApiEdition.PIXEL_V1` (`PixelBody.track`; its envelope head is made once per
               client, so the benchmark makes it once too), with the time written as ISO-8601. Each baseline computes three
               SHA-256 hex digests with one reused `MessageDigest`, puts them into a pre-built Gson tree shaped like
               that edition's body (the 1.0 tree holds the ISO-8601 time as text already) and serialises it once to
               UTF-8. Before measuring, the benchmark checks that each SDK body and its baseline are the same JSON.
            2. **Throughput** (`ThroughputBenchmark`): 100,000 events, built before the measurement, enqueued one by
               one into the SDK's background processor (batches of 1,000, 4 requests in flight), then `flush()`, every
               event reported delivered, against raw OkHttp posting the same events pre-serialised in 100 bodies of
               1,000 over one client with the same 4 requests in flight. The first (warm-up) run makes each event's
               2.0 JSON as it enqueues it; the measured runs find it kept, as the raw side's bodies are serialised
               before the measurement. The server is a minimal loopback HTTP server answering code 0. One run is one
               measurement (single shot).
            3. **Memory**: bytes allocated per prepared event come from JMH's gc profiler on benchmark 1, per edition.
               Bytes retained per queued event come from `RetainedMemory`: 200,000 events built (their objects and
               hashes), their 2.0 JSON made with the call the processor's enqueue uses (the enqueue needs each event's
               size for its byte bound, and the event keeps the JSON), then the same events queued in the processor
               behind a server that never answers, against a bare `ArrayBlockingQueue`, reading the live heap after
               full collections.
            4. **Enqueue** (`EnqueueBenchmark`, sample mode): one `EventProcessor.enqueue` of a prepared event while
               the processor's delivery thread posts to a loopback server, against `ArrayBlockingQueue.offer` of the
               same event with a thread draining that queue. Queues are sized so that neither fills. It is the same
               event every call, so its JSON, made by the first enqueue, is kept: this measures the hand-over. The
               first enqueue of a fresh event also writes its 2.0 JSON on the caller's thread (the second line of the
               table below).
            5. **Send latency** (`SendLatencyBenchmark`): one blocking `TikTokEvents.send` of a prepared event (its
               JSON made by the first send and kept) to a loopback server, against the generated `EventApi.eventTrack`
               with an equivalent pre-built model (which Gson serialises on every call), both over the same OkHttp
               client.

            """;

    private static final String BUDGET = """
            ## Where the allocation budget goes

            Building an event makes its objects and hashes, and no request bytes. Each edition's bytes, the 2.0
            `data[]` element (%,d B for the quick-start event) or the 1.0 properties (%,d B), are written by the
            generated `EventWriters` the first time they are needed, when the event is sent or when the processor's
            byte-bounded enqueue counts its size, and kept on the event: request bodies, retries and later batches
            only copy them, and a client of one edition never makes the other edition's bytes. A prepared event
            therefore allocates its own objects, one edition's bytes and the request body around them. The steps,
            measured when this report was written (the thread's allocation counter after a warm-up, outside JMH,
            where escape analysis removes less: the totals come out up to a few hundred bytes above the gc
            profiler's, which remain the measure):

            | step | Events API 2.0 | Events API 1.0 |
            |---|---|---|
            | build the event (objects, normalisation, three hashes) | %,.0f B | %,.0f B |
            | make and keep the edition's bytes (the kept array alone) | %,.0f B (%,d B) | %,.0f B (%,d B) |
            | request body around the kept bytes, written into the buffer | %,.0f B | %,.0f B |
            | total | %,.0f B | %,.0f B |

            What the 1.0 bytes cost beyond their array is the work of writing them (the ISO-8601 time among it,
            written digit by digit); both editions' envelope heads are made once per client and only copied.

            Bytes are made once and kept rather than streamed: a variant that kept no JSON and serialised each event
            straight into the connection allocated less, but reached only about 0.55x the raw throughput, because
            serialising on OkHttp's threads took CPU from the server on a 2-core machine and was done twice (once to
            know the content length). The writers read the model's fields directly (an `Optional` per accessor call
            cost about 350 B), builders keep single values in immutable lists, amounts are kept unboxed (NaN when absent), the time
            is kept as numbers, and simple spec patterns (`^[A-Z]{3}$` for currencies) are checked by a loop.
            """;

    private Baselines() {
    }

    static String text(AllocationBreakdown steps) {
        double total2 = steps.build + steps.eventsApi2Bytes + steps.eventsApi2Body;
        double total1 = steps.build + steps.pixelBytes + steps.pixelBody;
        return COMPARED + String.format(Locale.ROOT, BUDGET, steps.eventsApi2Length, steps.pixelLength,
                steps.build, steps.build,
                steps.eventsApi2Bytes, AllocationBreakdown.arrayBytes(steps.eventsApi2Length),
                steps.pixelBytes, AllocationBreakdown.arrayBytes(steps.pixelLength),
                steps.eventsApi2Body, steps.pixelBody, total2, total1);
    }
}
