package io.github.tiktokevents.internal.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code shared-event-cases.csv}, the table the SDK's and the emulator's tests both run. Each module's
 * tests copy this reader (test sources are not shared between modules); the table itself exists once.
 *
 * @param id the row's name
 * @param source the event source
 * @param event the event name
 * @param age the event time relative to the test clock
 * @param page whether the event has a page
 * @param value properties.value, or null
 * @param currency properties.currency, or null
 * @param description the length of properties.description (0: none)
 * @param expected {@code valid}, {@code invalid} or {@code warning}
 */
record SharedEventCase(String id, String source, String event, Duration age, boolean page, Double value,
        String currency, int description, String expected) {

    static List<SharedEventCase> read(Path table) {
        try {
            List<SharedEventCase> rows = new ArrayList<>();
            for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id,")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new SharedEventCase(f[0], f[1], f[2], age(f[3]), f[4].equals("y"),
                        f[5].isEmpty() ? null : Double.valueOf(f[5]), f[6].isEmpty() ? null : f[6],
                        Integer.parseInt(f[7]), f[8]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration age(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        switch (text.charAt(text.length() - 1)) {
            case 'm': return Duration.ofMinutes(amount);
            case 'h': return Duration.ofHours(amount);
            case 'd': return Duration.ofDays(amount);
            default: throw new IllegalArgumentException("age " + text);
        }
    }

    long epochSecond(Instant now) {
        return now.plus(age).getEpochSecond();
    }

    @Override
    public String toString() {
        return id;
    }
}
