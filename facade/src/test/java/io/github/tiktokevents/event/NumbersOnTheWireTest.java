package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.wire.EventWire;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TikTok takes {@code value} and {@code price} as a plain integer or decimal, "no letters": every number the SDK
 * writes, in both editions, is a plain decimal that reads back as exactly the number given (a double's shortest
 * decimal form, or the {@code BigDecimal} itself).
 */
class NumbersOnTheWireTest {
    private static final long SEED = 20261202L;

    @Test
    void theIssuesExamplesGoOutAsPlainDecimals() {
        assertThat(writtenValue(1234567890.12)).isEqualTo("1234567890.12");
        assertThat(writtenValue(12345678.5)).isEqualTo("12345678.5");
        assertThat(writtenValue(0.0005)).isEqualTo("0.0005");
        assertThat(writtenValue(1e20)).isEqualTo("100000000000000000000.0");
        assertThat(writtenValue(25.5)).isEqualTo("25.5");
        assertThat(writtenValue(12)).isEqualTo("12.0");
    }

    @Test
    void aBigDecimalIsSentExactly() {
        BigDecimal sum = new BigDecimal("0.1").add(new BigDecimal("0.2"));
        Event event = purchase(Properties.builder().currency("USD").value(sum)
                .addContent(Content.builder().contentId("sku").price(new BigDecimal("19.90")).quantity(1).build())
                .build());

        String json = new String(EventWire.json(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"value\":0.3}").contains("\"price\":19.90");
        assertThat(new String(EventWire.pixelFields(event), StandardCharsets.UTF_8))
                .contains("\"value\":0.3").contains("\"price\":19.90");
        assertThat(event.properties().orElseThrow().valueDecimal()).hasValue(sum);
        assertThat(event.properties().orElseThrow().value()).hasValue(0.3);
        // the double the issue quotes: 0.1 + 0.2 as doubles is 0.30000000000000004, sent as such
        assertThat(writtenValue(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void aBigDecimalIsCheckedAndNullIsAbsent() {
        assertThatThrownBy(() -> Properties.builder().value(new BigDecimal("-0.01")))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("properties.value");
        assertThatThrownBy(() -> Properties.builder().value(new BigDecimal("1E+400")))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> Properties.builder().value(new BigDecimal("0.0000000000000000000001")))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("decimal places");
        assertThat(Properties.builder().currency("USD").value(new BigDecimal("1." + "0".repeat(40))).build().valueDecimal())
                .hasValue(BigDecimal.ONE);
        Properties cleared = Properties.builder().value(new BigDecimal("5")).value((BigDecimal) null).build();
        assertThat(cleared.value()).isEmpty();
        assertThat(cleared.valueDecimal()).isEmpty();
        // a double after a BigDecimal replaces it
        assertThat(Properties.builder().currency("USD").value(new BigDecimal("5")).value(7.5).build().valueDecimal())
                .hasValue(new BigDecimal("7.5"));
    }

    @Test
    void everyNumberWrittenParsesBackToTheSameDecimal() {
        Random random = new Random(SEED);
        List<Double> doubles = new ArrayList<>(List.of(0.0, 1e-3, 9.999e-4, 1e7, 9_999_999.99, 1e15, 1e15 + 0.5,
                123456789012345678.0, 1e21, 1e22, 1.7976931348623157e308, 4.9e-324, 2.2250738585072014e-308,
                0.1 + 0.2, 1234567890.12, 12345678.5, 0.0005, 0.001, 1e16, 5e-5, 123.456e10));
        for (int i = 0; i < 20_000; i++) {
            doubles.add(randomAmount(random));
        }
        for (double number : doubles) {
            Event event = purchase(Properties.builder().currency("IDR").value(number).predictedLtv(number)
                    .addContent(Content.builder().contentId("sku").price(number).quantity(random.nextInt(1_000_000)).build())
                    .build());
            for (JsonObject properties : writtenProperties(event)) {
                BigDecimal expected = new BigDecimal(Double.toString(number));
                for (JsonElement written : List.of(properties.get("value"),
                        properties.getAsJsonArray("contents").get(0).getAsJsonObject().get("price"))) {
                    String text = written.getAsJsonPrimitive().getAsString();
                    assertThat(text).as("seed %d, number %s", SEED, number).doesNotContainIgnoringCase("e")
                            .matches("-?\\d+(\\.\\d+)?");
                    assertThat(new BigDecimal(text)).as("seed %d, number %s", SEED, number).isEqualByComparingTo(expected);
                    assertThat(Double.parseDouble(text)).as("seed %d", SEED).isEqualTo(number);
                }
            }
        }
        for (int i = 0; i < 2_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong() & Long.MAX_VALUE, random.nextInt(21));
            Event event = purchase(Properties.builder().currency("USD").value(amount).build());
            for (JsonObject properties : writtenProperties(event)) {
                assertThat(properties.get("value").getAsJsonPrimitive().getAsString())
                        .as("seed %d", SEED).isEqualTo(amount.toPlainString());
            }
        }
    }

    /** Every kind of double an amount field can hold: random bits (any magnitude) and realistic prices. */
    private static double randomAmount(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                double bits;
                do {
                    bits = Math.abs(Double.longBitsToDouble(random.nextLong()));
                } while (Double.isNaN(bits) || Double.isInfinite(bits));
                return bits;
            case 1:
                return Math.round(random.nextDouble() * Math.pow(10, random.nextInt(16))) / 100.0;
            case 2:
                return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            default:
                return random.nextInt(1_000_000) / Math.pow(10, random.nextInt(10));
        }
    }

    private static String writtenValue(double value) {
        Event event = purchase(Properties.builder().currency("USD").value(value).build());
        return writtenProperties(event).get(0).get("value").getAsJsonPrimitive().getAsString();
    }

    /** The written properties of the event in both editions: 2.0 {@code properties} and 1.0 {@code properties}. */
    private static List<JsonObject> writtenProperties(Event event) {
        JsonObject v2 = parse(new String(EventWire.json(event), StandardCharsets.UTF_8));
        JsonObject v1 = parse("{" + new String(EventWire.pixelFields(event), StandardCharsets.UTF_8) + "}");
        return List.of(v2.getAsJsonObject("properties"), v1.getAsJsonObject("properties"));
    }

    private static JsonObject parse(String json) {
        // a strict reader that keeps the number's text: Gson's lazily parsed numbers hold the digits as written
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static Event purchase(Properties properties) {
        return Event.builder("Purchase").epochSeconds(1_700_000_000L).page(Page.of("https://shop.example"))
                .properties(properties).build();
    }
}
