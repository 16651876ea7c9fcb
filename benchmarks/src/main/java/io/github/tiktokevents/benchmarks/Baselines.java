package io.github.tiktokevents.benchmarks;

/** The report's closing section: what each baseline is, so a reader can judge the comparison. */
final class Baselines {
    static final String TEXT = """
            ## What is compared

            1. **Preparation** (`PreparationBenchmark`): the SDK builds the README's quick-start event (validation,
               normalisation and SHA-256 of email, phone and external id, the timestamp given as epoch seconds, as the
               baseline gets it), serialises its JSON once (the event keeps it, so sending and retries only copy
               bytes) and writes the Events API 2.0 request body into an okio buffer, as OkHttp does when sending. The baseline computes three SHA-256 hex digests with one reused
               `MessageDigest`, puts them into a pre-built Gson tree and serialises it once to UTF-8.
            2. **Throughput** (`ThroughputBenchmark`): 100,000 prepared events enqueued one by one into the SDK's
               background processor (batches of 1,000, 4 requests in flight), then `flush()`, every event reported
               delivered, against raw OkHttp posting the same events pre-serialised in 100 bodies of 1,000 over one
               client with the same 4 requests in flight. The server is a minimal loopback HTTP server answering
               code 0. One run is one measurement (single shot).
            3. **Memory**: bytes allocated per prepared event come from JMH's gc profiler on benchmark 1. Bytes
               retained per queued event come from `RetainedMemory`: 200,000 events built (each keeps its object
               graph and its JSON), then queued in the processor behind a server that never answers, against a bare
               `ArrayBlockingQueue`, reading the live heap after full collections.
            4. **Enqueue** (`EnqueueBenchmark`, sample mode): one `EventProcessor.enqueue` of a prepared event while the
               processor's delivery thread posts to a loopback server, against `ArrayBlockingQueue.offer` of the same
               event with a thread draining that queue. Queues are sized so that neither fills.
            5. **Send latency** (`SendLatencyBenchmark`): one blocking `TikTokEvents.send` of a prepared event to a
               loopback server, against the generated `EventApi.eventTrack` with an equivalent pre-built model, both
               over the same OkHttp client.

            ## Where the allocation budget goes

            An event serialises its JSON (about 0.9 KB for the quick-start event) once, when it is built, and keeps
            it: request bodies then copy bytes, and retries never serialise again. A variant that kept no JSON and
            serialised each event straight into the connection allocated less, but reached only about 0.55x the raw
            throughput: serialising on OkHttp's threads took CPU from the server on a 2-core machine and was done
            twice (once to know the content length). The rest of the budget is the event's own objects; to fit it,
            the serialiser reads fields directly (an `Optional` per accessor call cost about 350 B), builders keep
            single values in immutable lists, amounts are unboxed and the time is kept as numbers.
            """;

    private Baselines() {
    }
}
