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
            2. **Throughput** (`ThroughputBenchmark`): 20,000 events, built before the measurement (with their bytes
               for the edition, as the baselines' bodies are made before it), delivered through each send path of an
               SDK client built as users build it (`TikTokEvents.builder()`, its own OkHttp client, default settings
               but the base URL, edition and 1.0 batch size): `sendBatch` (blocking, one request at a time; for 2.0 in
               bodies of 50 it is called once per 50 events, since it fills requests up to 1,000 itself),
               `sendBatchAsync` (every future, then all joined; OkHttp runs at most 5 requests to one host at once),
               and a processor kept open for the run (every event enqueued, then `flush()`; its default 4 requests
               in flight), in both editions and with bodies of 50 and of 1,000 events (1.0: `pixelBatchSize`; the
               processor: `maxBatchSize`). The baseline of each target is **plain OkHttp**: one client with default
               settings except `TCP_NODELAY` (which the SDK's client sets too) posting the same bodies, byte for byte
               what the SDK writes, each handed over in one piece (`RequestBody.create(byte[])`), with the same
               concurrency: one request at a time (`execute()`) against `sendBatch`, 5 in flight against
               `sendBatchAsync`, 4 against the processor. This baseline was chosen because the SDK sends through
               OkHttp: with the same client on both sides, the ratio is the cost of the SDK's own work, which is
               what the SDK can change. A third side, **raw sockets** (one `SocketChannel` per request in flight,
               each request written whole, request line, headers and body, in one write from a direct buffer, and
               its answer read), shows what the wire and the server allow; it is reported below, without a target,
               because it measures OkHttp as much as the SDK. Each invocation delivers the events through all three
               sides, in an order that rotates, and reports each side's time as a JMH auxiliary counter: on this
               shared 2-core machine, whose speed drifted by up to a factor of two within minutes while this was
               written, sides measured in separate forks minutes apart could not be compared, while sides measured
               back to back in the same invocation can. Each of 2 forks first sends 1,000 requests of two events
               through every path of every side (so that the code run once per request is compiled, as in a running
               application), then runs 30 warm-up and 8 measured invocations; the figures are means with 99.9%
               intervals over the 16 measured invocations. An earlier version warmed up for 10 invocations: on this
               machine the just-in-time compiler was then still at work, more of it for the SDK's larger code than
               for plain OkHttp's, and a harness outside JMH showed the ratio still climbing after ten invocations
               (processor, 1.0, bodies of 50: 0.63 over the first ten, 0.73 over the next, 0.83 to 0.88 after
               sixty); 30 invocations on 2 forks take about as long as 10 on 3. After each delivery the server's
               event count must have grown by exactly 20,000, and every SDK future, batch result and processor
               callback must report success.

               The server (`LoopbackTikTok`) is a minimal HTTP/1.1 server on a plain `ServerSocket` with the
               operating system's default socket options (Nagle's algorithm on, no buffer sizes set), one thread per
               connection: it reads each request completely (`Content-Length` or chunked, keep-alive), counts the
               events in the body with a structural scan that skips string contents eight bytes at a time (about
               2 GB/s, some 10 ms of one core per 20,000 events, the same for every side), and answers TikTok's
               envelope, `{"code":0,"message":"OK","request_id":"…","data":{}}`, status line, headers and body in
               one write, as production servers answer. The JDK's `HttpServer`, used before, needed
               `sun.net.httpserver.nodelay=true` to answer in time, and that setting hid the client's own stall
               (benchmark 6); no JMH benchmark sets it, and none runs the project's emulator, which sets it for its
               own answers. Only the figures under "Integrations against the emulator" run against it, because their issues ask
               for that; they compare the command line and the sink task with the processor alone on the same
               emulator, and a client stall is measured here, by benchmarks 2 and 6.
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
            6. **Nagle check** (`NagleStallBenchmark`): 20 Events API 1.0 requests of 50 events (about 50 KB, which
               OkHttp writes in 8 KiB pieces) posted one at a time by a plain `new OkHttpClient()`, which leaves
               Nagle's algorithm on, and by the SDK given such a client, in the same invocation. On this server the
               plain client's last piece of each body waits for the server's delayed ACK, about 40 ms per request:
               the row shows that the server does not hide the stall, what it costs, and that the SDK, which turns
               Nagle off on every connection it sends over, avoids it even on a client it did not build. Before
               commit 4d53f33 the SDK did not: measured once on this server with 1,000 events in requests of 50,
               its `sendBatch` took 44.3 ms per request with its own client and 44.4 ms with a supplied
               `new OkHttpClient()`, as plain OkHttp with Nagle on (44.0 ms), against 0.84 ms for plain OkHttp with
               `TCP_NODELAY`; at 4d53f33 the same run took 1.35 ms per request. The stall made 1.0 bodies of 50
               about 1,100 events per second, one request at a time, whatever the client's own speed.

            """;

    private static final String WIRE = """
            ## The wire without OkHttp

            The raw-socket side of benchmark 2, beside the other two, in events per second (means of the same
            invocations as the table above):

            %s
            Against one write per request, plain OkHttp itself reaches only the fraction in the fifth column (not
            profiled further: that is OkHttp's own cost, outside the SDK), so a client built on OkHttp could not
            pass a 0.9x target set there; that is why the targets are set against plain OkHttp.

            """;

    private static final String GAP = """
            ## Where the throughput gap comes from

            Profiled while this report was written (JFR at 1 ms sampling, per-thread CPU time and context switches
            from `/proc`, and paired experiments run like benchmark 2), at commit 866db20:

            - **Not the HTTP client's settings.** The SDK's own OkHttp client (its timeouts, the `TCP_NODELAY`
              interceptor, its dispatcher threads), fetched from the SDK and used to post the raw bodies, was as fast
              as plain OkHttp in all six path and body-size pairs (0.97x to 1.05x, Events API 1.0).
            - **`sendBatch` waits across threads.** Each request is started with OkHttp's asynchronous `enqueue` and
              awaited (`Retrier.await` of `ChunkSender.sendAsync`), so every request wakes a dispatcher thread to
              send it and then wakes the caller with the answer. Plain OkHttp made to do the same, `enqueue` and
              wait, one request at a time, took 108 ms for 20,000 events in bodies of 50 where it took 81 to 89 ms
              with `execute()` on the calling thread, and the SDK 146 to 154 ms (measured side by side, both
              editions): the hand-overs are about 40% of the gap, and the per-request work below, which here is all
              on the one request's path, the rest. Change: run each attempt of the blocking paths (`send`,
              `sendBatch`) with `Call.execute()` on the caller's thread, keeping the retry waits between attempts as
              they are.
            - **Single sends (benchmark 5) take the same path.** `send` is `sendBatch` of one event, started with
              `enqueue` and awaited, while the generated `EventApi.eventTrack` it is compared with runs
              `execute()` on the caller's thread; the new server answers sooner than the JDK's `HttpServer` did,
              so the two hand-overs weigh more in that ratio than in earlier reports.
            - **Per-request work in the SDK.** For each request `ChunkSender.request` builds it through the
              generated `ApiClient.buildRequest`, which parses the URL (`HttpUrl` and `java.net.URI`) and the media
              type and processes the header map every time, and each answer is parsed by Gson into a tree and then
              by the reflective `TikTokResponse` adapter. On the processor's delivery thread `buildRequest` was about
              a fifth of all samples. Per 20,000 events in 1.0 bodies of 50 (400 requests), the client's threads
              used about 86 ms of CPU for `sendBatchAsync` against 53 ms for plain OkHttp, 98 against 67 ms for the
              processor. Change: build the URL (`HttpUrl`), the headers and the media type once per client and
              path, and give each request only its body (`new Request.Builder().url(url).headers(headers)
              .post(body)`); read the answer's `code`, `message` and `request_id` with a streaming `JsonReader`.
            - **The processor's single delivery thread is on every request's path.** It builds every request and
              books every answer, so between one answer and the next request there are two thread hand-overs and
              the request building; with 4 requests in flight that gap is idle connection time. Per 400 requests
              the delivery thread made about 220 voluntary context switches and used 16.5 ms of CPU, and the
              producer blocked on the queue's 10,000-event bound about 145 times. Change: besides the cheaper
              requests, start the next batch's request from the OkHttp callback that finished the previous one
              (settling the answer there), or keep the next request built before a slot frees.

            Profiled again after those changes (issue 12), with `perf` (CPU samples of every thread, kernel
            included, JIT frames named through `-XX:+DumpPerfMapAtExit`) on a harness outside JMH that sends the
            20,000 events in 2.0 bodies of 50 with `sendBatch`, or posts the same bodies with plain OkHttp, for 15 s
            after a 25 s warm-up; counts are samples of 0.5 ms per delivery of 20,000 events:

            - **The gap was CPU on the sending thread, not waiting.** The calling thread took about 193 samples
              per delivery in the SDK against 144 in plain OkHttp, 71% of them in the kernel. Of the difference,
              31 were `futex` wake-ups (`pthread_cond_signal`, 54 against 23) and about 20 user code.
            - **The wake-ups came from the body being passed on segment by segment.** OkHttp writes each piece a
              body's sink passes on under okio's `AsyncTimeout`, which puts the write in a queue shared with a
              watchdog thread and signals it. Written event by event, the body passed on every 8 KiB segment as
              it filled (5 pieces for a 50-event body of 48 KB) where one array is passed on in 2 (its complete
              segments, then the rest at close). Change: bodies gather their writes and pass on pieces of 64 KiB,
              what okio writes per timeout anyway (`BodyPieces`). After it, the calling thread's `futex` samples
              were no more than plain OkHttp's. `BodyHandOverTest` checks the piece counts.
            - **What remains is the SDK's own per-request work,** each a few percent of the thread's samples:
              splitting the batch into requests (`Chunker.chunk`, which reads every event's size: a cache miss
              per event for events built long before, as here), reading the answer (`ChunkSender.answer`), and the
              result objects. With the server and the client on the same 2 cores, any CPU on the client's thread
              is time the request takes.
            - **Not the socket kind.** The SDK's `SocketChannel`-backed sockets (interruptible sends) cost 4
              `fcntl` calls per request (switching to non-blocking for a read with a timeout and back), under 1%
              of the thread's samples; plain OkHttp given the same socket factory was as fast as without it, within
              this machine's noise.

            Profiled a third time (issue 12, commits 485d0e5 to 0b5b7d1), with the same harness, `perf`, `strace`
            (system calls counted, and the JVM's native frames behind each `futex`) and an OkHttp `EventListener`
            timing each phase of a call. Ratios in this paragraph are from that harness (the two sides alternating
            in one JVM, 90 deliveries, the first 30 not counted), each run more than once because one run on this
            machine moves by up to 10 points:

            - **OkHttp's call timeout put the watchdog on every request.** OkHttp enters a call timeout into okio's
              watchdog queue, which every client in the JVM shares, on every call. `strace` counted about two more
              `futex` calls per request with it, all `Unsafe_Unpark`, and in paired runs (`sendBatch`, 2.0, bodies
              of 50, the SDK's client given a 60 s call timeout or none) the SDK took 99 to 105 ms per delivery
              with it against 73 to 80 ms without, and plain OkHttp in the same JVM 90 to 94 ms against 70 to 75.
              Change: the SDK keeps its own call timeout (`CallDeadlines`: each call notes its start in a map, and
              while calls are in flight the client's scheduler sweeps it every tenth of the timeout, at most every
              second, cancelling the overdue ones, which fail as timeouts); its requests go through a client
              derived without OkHttp's call timeout. `EventApi` keeps OkHttp's. `CallDeadlinesTest` and
              `CallTimeoutTest` check it.
            - **Reading the answer** went through `ResponseBody.string()`, which parses the media type with a
              regular expression on every answer, then Gson; now the buffered bytes are decoded as UTF-8. The
              answer's share of the sending thread fell from about 2,400 to 960 samples per 300 deliveries.
            - **Events built long before are cache misses.** With the same 50 events sent over and over instead of
              20,000 different ones, the ratio rose from about 0.82 to 0.89. Writing the bodies alone (no socket)
              took 4.5 ms per 20,000 events against 2.7 ms for the baselines' contiguous bodies, and 2.1 ms when
              the events were in cache. Change: the chunker reads sources and sizes in a loop that does nothing
              else, and the bodies ask for the next event's bytes before copying the current ones; the chunker's
              samples fell from about 2,300 to 1,000 per 300 deliveries.
            - **The warm-up was too short** (see above): the same harness read 0.69 and 0.72 over its tenth to
              eighteenth deliveries, as JMH had, and 0.80 and 0.91 after sixty.
            - **What remains, for bodies of 50,** is per request, timed by the `EventListener`: writing the request
              body took about 112 µs against 88 µs for plain OkHttp, and the wait for the answer's first byte
              140 against 128 µs. Gathering 50 events' bytes from scattered memory is part of the first; the rest is
              the kernel's: delivering each write over loopback takes the receiving socket's lock, which the server
              holds while it reads, and the sending thread's samples spinning on it (`__pv_queued_spin_lock_slowpath`
              under `tcp_v4_rcv`) were 4,518 against 2,927 per 200 deliveries. Not changed: both sides made the
              same number of `write` calls (38,444 for 4,800 requests each, the server's answers included), and
              plain sockets in place of the SDK's interruptible ones made no difference this machine could show.

            Profiled a fourth time (issue 12, commits 9177039 to 553e0b4) with `ThroughputProbe`, the harness above
            now committed, and `PerfBySide`, which gives each `perf` sample to the side whose delivery was running
            in the one JVM (separate JVMs compile the server differently). Counts are samples of 0.5 ms per
            delivery of 20,000 events in 2.0 bodies of 50, after 30 warm-up rounds:

            - **Gson's reader allocated about 2.5 KB per answer** (a 1,024-character buffer and its stacks): in a
              JFR allocation profile of `sendBatchAsync`, about 60% of what the SDK allocated per delivery beyond
              plain OkHttp (about 9 MB against 7). Change: `FlatEnvelope` reads the flat answer TikTok nearly
              always sends (`code`, `message`, `request_id` of plain ASCII, empty `data`, in that order) without a
              reader, to exactly what the strict reader gives, and leaves every other answer to it
              (`FlatEnvelopeTest`); an empty `data` is no longer copied into a map. The answer's samples fell from
              about 2.2 per delivery to none measurable.
            - **The copy waited on each event before its bytes.** The bodies' loops reached through the list and
              the event to the array for every event, two dependent cache misses for events built long before.
              Writing the bodies with the caches flushed took 4.3 ms per 20,000 events, 3.1 ms with the arrays
              taken beforehand, and 2.0 ms for the baselines' contiguous bodies; fetching the next event, or
              touching the next arrays' lines, ahead of the copy did not help. Change: a body takes its events'
              bytes into one array when it is made, on the thread that sends, where the chunker has just read
              the same events; OkHttp's thread then only copies.
            - **Paired runs of the two jars** (three runs each, the last 20 of 50 rounds): `sendBatchAsync` went
              from 0.83 to 0.91 of plain OkHttp (wall time) and from 0.80 to 0.85 (CPU time); the processor from
              0.83 to 0.84 and 0.81 to 0.82.
            - **What remains** is about 36 samples per delivery against about 188 for plain OkHttp (processor):
              copying the events' bytes, 11 against 6 (scattered 1 KB arrays against contiguous 48 KB bodies);
              the producer's `enqueue`, about 7 (some 190 ns per event, most of it two cache misses on events
              built a whole delivery earlier; benchmark 4, with events in cache, measures about 60 ns); thread
              wake-ups, about 4; the processor's timer per request (`DeliveryCall`), about 1; the chunker, about
              1 (`sendBatchAsync`). Ruled out: the producer waiting on the full queue (a queue of 40,000 events,
              which never fills, gave the same ratios) and first touches of heap pages (`-XX:+AlwaysPreTouch`
              removed the page faults and left the ratios as they were).
            - **The events are cold by construction here:** built once, then delivered again on every invocation,
              20 MB last touched a whole delivery earlier, while the baselines stream pre-made contiguous bodies.
              An application that enqueues or sends an event as it builds it finds it in cache (with the same 50
              events sent over and over, the third profile read 0.89 instead of 0.82).

            Profiled a fifth time (issue 12, at 7aa6c80, processor, 2.0 bodies of 50), to find a cause the earlier
            profiles could not name, with async-profiler 4.6 (CPU samples every 200 µs, inlined frames named) on
            `ThroughputProbe`, and `perf` counting context switches by side. The probe read 0.72 to 0.80 of plain
            OkHttp, with 54 to 55 ms of CPU per delivery against 40 to 41 (+35%):

            - **No single cause is left.** Per share of the SDK's CPU: the event's size read at `enqueue` (two
              cache misses on a cold event) 0.9%; adding to the queue and making its node 1.2% (half of it first
              touches of heap pages); the producer waiting for room and being woken 1.9%, both sides of it; taking
              a batch from the queue 0.6%; the request's `Request` and body 0.8%; the processor's timer and the
              call's deadline 1.0%; reading the answer 0.6% (cleaning its message of the token 0.2%); settling the
              50 events 0.4%. Each is the price of a promise (a bounded queue that pushes back, a typed answer, a
              deadline on every call, one outcome per event); together about 7% of the SDK's CPU.
            - **The rest is the kernel's**: the SDK allocates about 2 MB more per delivery (8.5 against 6.5), so
              it touches more fresh heap pages (page faults, 6 of 28 extra `perf` samples), and it switches
              threads more: 2,444 context switches per delivery against 2,149, of which 115 are the producer
              blocking on the full queue and being woken, 71 OkHttp's task runner, 39 OkHttp's call threads.
            - **Shared by both sides**: OkHttp schedules its connection pool's clean-up under a contended monitor
              each time a call ends, about 2.3% of all samples.
            - To reach 0.9x here the SDK would have to shed most of the list above at once; no change of a few
              percent shows through this machine's noise of about ten points per row.

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

    static String text(AllocationBreakdown steps, String wireTable) {
        double total2 = steps.build + steps.eventsApi2Bytes + steps.eventsApi2Body;
        double total1 = steps.build + steps.pixelBytes + steps.pixelBody;
        return COMPARED + String.format(Locale.ROOT, WIRE, wireTable) + GAP + String.format(Locale.ROOT, BUDGET, steps.eventsApi2Length, steps.pixelLength,
                steps.build, steps.build,
                steps.eventsApi2Bytes, AllocationBreakdown.arrayBytes(steps.eventsApi2Length),
                steps.pixelBytes, AllocationBreakdown.arrayBytes(steps.pixelLength),
                steps.eventsApi2Body, steps.pixelBody, total2, total1);
    }
}
