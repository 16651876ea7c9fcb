package io.github.tiktokevents.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes test inputs: offline purchases with unique order ids, and every 100th row (row numbers 37, 137, ...) bad
 * in one of five ways, so 1 % of the rows must be refused.
 */
final class SampleRows {
    static final String HEADER = "order_id,event,event_time,email,phone,value,currency";

    private SampleRows() {
    }

    /** Whether the row with this 0-based index is one of the bad ones. */
    static boolean bad(long index) {
        return index % 100 == 36;
    }

    /** The reason field the rejects file must give for a bad row. */
    static String expectedField(long index) {
        return switch ((int) (index / 100 % 5)) {
            case 0 -> "user.email";
            case 1 -> "event_time";
            case 2 -> "properties.value";
            case 3 -> "event_time";
            default -> "row";
        };
    }

    /** The order id of a row. */
    static String orderId(long index) {
        return "ORD-" + index;
    }

    static Path csv(Path file, long rows, Instant now) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = 0; i < rows; i++) {
                out.write(line(i, now));
                out.write('\n');
            }
        }
        return file;
    }

    static String line(long i, Instant now) {
        long time = now.getEpochSecond() - 3600 - i;
        String email = "customer" + i + "@example.com";
        String value = String.format(Locale.ROOT, "%d.%02d", i % 500, i % 100);
        String phone = String.format(Locale.ROOT, "+1415%07d", i % 10_000_000);
        if (bad(i)) {
            switch ((int) (i / 100 % 5)) {
                case 0 -> email = "customer" + i + "-at-example.com";
                case 1 -> time = 0;     // blank below
                case 2 -> value = "twelve";
                case 3 -> time = now.getEpochSecond() - 40L * 24 * 3600;
                default -> {
                    return orderId(i) + ",CompletePayment," + time + "," + email;   // too few cells
                }
            }
        }
        return String.join(",", orderId(i), "CompletePayment", time == 0 ? "" : Long.toString(time), email, phone,
                value, "USD");
    }

    /** The order ids of the good rows. */
    static Set<String> goodOrderIds(long rows) {
        Set<String> ids = new TreeSet<>();
        for (long i = 0; i < rows; i++) {
            if (!bad(i)) {
                ids.add(orderId(i));
            }
        }
        return ids;
    }
}
