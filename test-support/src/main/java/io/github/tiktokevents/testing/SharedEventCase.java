package io.github.tiktokevents.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code shared-event-cases.csv}, the table the rules', the SDK's and the emulator's tests all run, so
 * that the three reach the same verdict on the same event. The table is a resource of this module; a test reads it
 * with {@link #all()} and builds its own event (or raw request) from each row.
 *
 * <pre>{@code
 * static Stream<SharedEventCase> rows() {
 *     return SharedEventCase.all().stream();
 * }
 * }</pre>
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
public record SharedEventCase(String id, String source, String event, Duration age, boolean page, Double value,
        String currency, int description, String expected) {

    private static final String TABLE = "/shared-event-cases.csv";

    /**
     * Reads every row of the table, in order.
     *
     * @return the rows
     * @throws IllegalStateException if the table is not on the class path or a row is malformed
     */
    public static List<SharedEventCase> all() {
        try (InputStream in = SharedEventCase.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is not on the class path");
            }
            List<SharedEventCase> rows = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id,")) {
                    rows.add(parse(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SharedEventCase parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 9) {
            throw new IllegalStateException(TABLE + ": expected 9 columns, found " + f.length + " in " + line);
        }
        return new SharedEventCase(f[0], f[1], f[2], age(f[3]), f[4].equals("y"),
                f[5].isEmpty() ? null : Double.valueOf(f[5]), f[6].isEmpty() ? null : f[6],
                Integer.parseInt(f[7]), f[8]);
    }

    private static Duration age(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        switch (text.charAt(text.length() - 1)) {
            case 'm': return Duration.ofMinutes(amount);
            case 'h': return Duration.ofHours(amount);
            case 'd': return Duration.ofDays(amount);
            default: throw new IllegalStateException(TABLE + ": an age ends in m, h or d, not " + text);
        }
    }

    /**
     * The row's event time against a test clock.
     *
     * @param now the test clock's instant
     * @return {@code now} plus the row's age, in epoch seconds
     */
    public long epochSecond(Instant now) {
        return now.plus(age).getEpochSecond();
    }

    @Override
    public String toString() {
        return id;
    }
}
