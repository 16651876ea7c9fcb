package io.github.tiktokevents.emulator;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes request ids shaped like TikTok's (a UTC timestamp then upper-case hex, 34 characters), unique per emulator.
 */
final class RequestIds {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long random = ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFL;
        return TIMESTAMP.format(clock.instant())
                + String.format(Locale.ROOT, "%010X%010X", counter.incrementAndGet(), random);
    }
}
