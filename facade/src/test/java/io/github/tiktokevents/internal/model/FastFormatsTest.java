package io.github.tiktokevents.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.wire.JsonOut;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free paths that replace library calls on the per-event path agree with those libraries: the 1.0
 * ISO-8601 time ({@link JsonOut#isoSecondsValue}) with {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, simple spec patterns with {@link Pattern}.
 */
class FastFormatsTest {
    @Test
    void isoSecondsAgreeWithTheJdkFormatterForManyInstantsAndOffsets() {
        long seed = 20261201L;
        Random random = new Random(seed);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2099-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            int nano = random.nextInt(1_000_000_000);
            ZoneOffset offset = i % 5 == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
            OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset);

            String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
            assertThat(iso(time)).as("seed %d, %s", seed, time).isEqualTo(expected);
        }
        assertThat(iso(OffsetDateTime.parse("2023-02-01T00:00:00-03:00"))).isEqualTo("2023-02-01T00:00:00-03:00");
        assertThat(iso(OffsetDateTime.parse("2024-02-29T23:59:59+05:45:30"))).isEqualTo("2024-02-29T23:59:59+05:45:30");
        assertThat(iso(OffsetDateTime.parse("2000-03-01T00:00:00Z"))).isEqualTo("2000-03-01T00:00:00Z");
    }

    /** What the 1.0 writer writes for a time, without the quotes. */
    private static String iso(OffsetDateTime time) {
        EventTime kept = EventTime.of(time);
        String json = new String(JsonOut.pooled().isoSecondsValue(kept.epochSecond, kept.offsetSeconds()).toByteArray(),
                java.nio.charset.StandardCharsets.US_ASCII);
        return json.substring(1, json.length() - 1);
    }

    @Test
    void simplePatternsAreCheckedByALoopThatAgreesWithPattern() {
        String[] patterns = {"^[A-Z]{3}$", "^[a-f0-9]{64}$", "^[A-Za-z_]{2,5}$", "^v[0-9]+\\.[0-9]+$"};
        String[] values = {"USD", "usd", "US", "USDX", "U5D", "", "abc", "ab_", "abcdef", "v1.3", "v1", "A-Z",
                "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f",
                "848A771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f"};
        for (String regex : patterns) {
            ValuePattern check = ValuePattern.of(regex);
            for (String value : values) {
                boolean expected = Pattern.compile(regex).matcher(value).find();
                if (expected) {
                    assertThat(check.check(value, "f")).as(regex + " on " + value).isEqualTo(value);
                } else {
                    assertThatThrownBy(() -> check.check(value, "f")).as(regex + " on " + value)
                            .isInstanceOf(TikTokValidationException.class)
                            .hasMessageContaining(regex)
                            .satisfies(e -> assertThat(value.length() < 4 || !e.getMessage().contains(value)).isTrue());
                }
            }
        }
        assertThat(ValuePattern.of("^[A-Z]{3}$").check(null, "f")).isNull();
    }
}
