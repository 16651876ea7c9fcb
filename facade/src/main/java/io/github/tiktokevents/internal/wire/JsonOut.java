package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.rules.EventRules;
import java.util.Arrays;

/**
 * A minimal JSON writer straight into UTF-8 bytes, for the one hot path that is worth it: serialising events.
 * It builds no tree and no intermediate {@code String}; field names are pre-encoded once with {@link #name(String)}.
 * Not thread-safe: one instance per serialisation.
 *
 * <p>{@link #pooled()} hands out this thread's writer, reset, with its scratch arrays, so a serialisation allocates
 * nothing but its exact-size result from {@link #toByteArray()}. An array that grew very large is not kept.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class JsonOut {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int SCRATCH_BYTES = 4096;
    private static final int MAX_KEPT_SCRATCH_BYTES = 64 * 1024;
    private static final int SCRATCH_CHARS = 512;
    /** ASCII characters written as they are: everything but control characters, the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private static final int MAX_KEPT_SCRATCH_CHARS = 16 * 1024;
    /** This thread's writer; strings are copied out of a String in bulk (an intrinsic) and scanned as a char array. */
    private static final ThreadLocal<JsonOut> POOL = ThreadLocal.withInitial(JsonOut::new);

    private static final char[] NO_CHARS = new char[0];

    /** The shared rules' longest text value: a runaway field (a 10 MB description) is refused, never sent. */
    private static final int MAX_TEXT_LENGTH = EventRules.maxTextLength();

    private byte[] buffer;
    /** The name of the field being written, for the message when its text is too long. */
    private byte[] lastName;
    private int length;
    private boolean needsComma;
    private final boolean pooled;
    private char[] chars;

    JsonOut(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
        pooled = false;
        chars = NO_CHARS; // grown to the first string's size: these writers make small heads, once per client
    }

    private JsonOut() {
        buffer = new byte[SCRATCH_BYTES];
        pooled = true;
        chars = new char[SCRATCH_CHARS];
    }

    /**
     * This thread's writer, emptied; call {@link #toByteArray()} once, and do not nest two of them (they are one).
     *
     * @return the writer
     */
    public static JsonOut pooled() {
        JsonOut out = POOL.get();
        out.length = 0;
        out.lastName = null;
        out.needsComma = false;
        return out;
    }

    /** Pre-encodes {@code "name":} for a field whose name needs no escaping. */
    public static byte[] name(String fieldName) {
        byte[] encoded = new byte[fieldName.length() + 3];
        encoded[0] = '"';
        for (int i = 0; i < fieldName.length(); i++) {
            encoded[i + 1] = (byte) fieldName.charAt(i);
        }
        encoded[encoded.length - 2] = '"';
        encoded[encoded.length - 1] = ':';
        return encoded;
    }

    public JsonOut beginObject() {
        separate();
        put((byte) '{');
        needsComma = false;
        return this;
    }

    public JsonOut endObject() {
        put((byte) '}');
        needsComma = true;
        return this;
    }

    public JsonOut beginArray() {
        separate();
        put((byte) '[');
        needsComma = false;
        return this;
    }

    public JsonOut endArray() {
        put((byte) ']');
        needsComma = true;
        return this;
    }

    /** Writes a pre-encoded field name; the next value follows it without a comma. */
    public JsonOut name(byte[] encodedName) {
        lastName = encodedName;
        separate();
        putAll(encodedName, 0, encodedName.length);
        needsComma = false;
        return this;
    }

    /** Writes already-encoded JSON (an element serialised earlier) as the next value. */
    JsonOut raw(byte[] json) {
        separate();
        putAll(json, 0, json.length);
        needsComma = true;
        return this;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exact for the ASCII runs it copies
    public JsonOut value(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw tooLong();
        }
        separate();
        int count = text.length();
        char[] in = chars;
        if (in.length < count) {
            in = new char[Math.max(count, in.length * 2)];
            chars = in; // a pooled writer keeps it for the next event, unless release() finds it too large
        }
        text.getChars(0, count, in, 0);
        ensure(count + 2); // enough for the common case, plain ASCII; anything else makes room for itself
        buffer[length++] = '"';
        int start = 0;
        while (start < count) {
            int end = start;
            while (end < count && isPlain(in[end])) {
                end++;
            }
            if (end > start) {
                // the run is plain ASCII, so each char's low byte is its UTF-8 encoding: copy it in bulk
                text.getBytes(start, end, buffer, length);
                length += end - start;
            }
            if (end < count) {
                end = special(in, end, count) + 1;
            }
            start = end;
        }
        put((byte) '"');
        needsComma = true;
        return this;
    }

    private static boolean isPlain(char c) {
        return c < 0x80 && PLAIN[c];
    }

    /**
     * Writes {@code in[i]}, a character that needs escaping or more than one byte, keeping room for the characters
     * after it and the closing quote; returns the index of the last character consumed.
     */
    private int special(char[] in, int i, int count) {
        char c = in[i];
        int remaining = count - i; // the characters after this one, plus the closing quote
        if (c < 0x80) {
            ensure(6 + remaining);
            asciiChar(c);
        } else if (c < 0x800) {
            ensure(2 + remaining);
            buffer[length++] = (byte) (0xC0 | (c >> 6));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(in[i + 1])) {
            int codePoint = Character.toCodePoint(c, in[++i]);
            ensure(4 + remaining);
            buffer[length++] = (byte) (0xF0 | (codePoint >> 18));
            buffer[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            buffer[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (codePoint & 0x3F));
        } else if (Character.isSurrogate(c)) {
            ensure(1 + remaining);
            buffer[length++] = '?'; // an unpaired surrogate has no UTF-8 form; String.getBytes does the same
        } else {
            ensure(3 + remaining);
            buffer[length++] = (byte) (0xE0 | (c >> 12));
            buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        }
        return i;
    }

    public JsonOut value(long number) {
        separate();
        digits(number);
        needsComma = true;
        return this;
    }

    /**
     * Writes a finite number as a plain decimal, never in exponent notation (TikTok wants an integer or a decimal
     * with "no letters"): whole amounts below 10^15 as {@code 12.0} without going through a {@code String}; others
     * from Java's shortest round-tripping form, with an exponent form ({@code 1.23456789012E9}, {@code 5.0E-4})
     * rewritten digit by digit ({@code 1234567890.12}, {@code 0.0005}). All parse back to the same double.
     */
    public JsonOut value(double number) {
        separate();
        if (number == Math.rint(number) && Math.abs(number) < 1e15 && !(number == 0 && 1 / number < 0)) {
            digits((long) number);
            ensure(2);
            buffer[length++] = '.';
            buffer[length++] = '0';
        } else {
            plainDecimal(Double.toString(number));
        }
        needsComma = true;
        return this;
    }

    /** Writes Java's form of a double; an exponent form ({@code -1.25E-7}) is shifted into a plain decimal. */
    private void plainDecimal(String javaForm) {
        int exponentAt = javaForm.indexOf('E');
        if (exponentAt < 0) {
            ascii(javaForm);
            return;
        }
        int exponent = Integer.parseInt(javaForm, exponentAt + 1, javaForm.length(), 10);
        int first = 0;
        if (javaForm.charAt(0) == '-') {
            put((byte) '-');
            first = 1;
        }
        // the mantissa is d.ddd (one digit, a point, at least one digit); its digits D, without trailing zeros,
        // are the number's significant digits, and exponent + 1 of them (padded with zeros) are its integer part
        int end = exponentAt;
        while (end > first + 2 && javaForm.charAt(end - 1) == '0') {
            end--;
        }
        int fractionDigits = end - (first + 2);
        int digitCount = 1 + fractionDigits;
        ensure(Math.abs(exponent) + digitCount + 4);
        if (exponent < 0) {
            buffer[length++] = '0';
            buffer[length++] = '.';
            for (int i = 1; i < -exponent; i++) {
                buffer[length++] = '0';
            }
            significantDigits(javaForm, first, digitCount);
            return;
        }
        int integerDigits = exponent + 1;
        if (digitCount <= integerDigits) {
            significantDigits(javaForm, first, digitCount);
            for (int i = digitCount; i < integerDigits; i++) {
                buffer[length++] = '0';
            }
            buffer[length++] = '.';
            buffer[length++] = '0';
        } else {
            significantDigits(javaForm, first, integerDigits);
            buffer[length++] = '.';
            for (int i = integerDigits; i < digitCount; i++) {
                buffer[length++] = (byte) javaForm.charAt(first + 1 + i);
            }
        }
    }

    /** Writes the first {@code count} significant digits of a mantissa {@code d.ddd} starting at {@code first}. */
    private void significantDigits(String javaForm, int first, int count) {
        buffer[length++] = (byte) javaForm.charAt(first);
        for (int i = 1; i < count; i++) {
            buffer[length++] = (byte) javaForm.charAt(first + 1 + i);
        }
    }

    /**
     * Writes a field name that may need escaping (a user's additional field); the next value follows it.
     *
     * @param fieldName the name
     * @return this writer
     */
    public JsonOut fieldName(String fieldName) {
        value(fieldName);
        lastName = null;
        put((byte) ':');
        needsComma = false;
        return this;
    }

    /**
     * Writes {@code null}.
     *
     * @return this writer
     */
    public JsonOut nullValue() {
        separate();
        ascii("null");
        needsComma = true;
        return this;
    }

    /**
     * Writes a number already in plain JSON form, such as {@code BigDecimal.toPlainString()}.
     *
     * @param plainNumber the digits
     * @return this writer
     */
    public JsonOut number(String plainNumber) {
        separate();
        ascii(plainNumber);
        needsComma = true;
        return this;
    }

    /**
     * Where the writer is, so an object written next can be taken back with {@link #endObjectOrDrop(long)} if it
     * ends up empty (an Events API 1.0 object none of whose sources is set).
     *
     * @return the mark
     */
    public long mark() {
        return ((long) length << 1) | (needsComma ? 1 : 0);
    }

    /**
     * Closes an object begun after {@code mark}, or removes it, name and separator included, if nothing was written
     * in it.
     *
     * @param mark from {@link #mark()}, taken before the object's name
     * @return this writer
     */
    public JsonOut endObjectOrDrop(long mark) {
        if (length > 0 && buffer[length - 1] == '{') {
            length = (int) (mark >>> 1);
            needsComma = (mark & 1) != 0;
            return this;
        }
        return endObject();
    }

    /**
     * Writes a time as Events API 1.0 wants it, ISO-8601 with its offset in whole seconds
     * ({@code "2023-02-01T00:00:00-03:00"}, {@code Z} for UTC), digit by digit: the JDK formatter costs several
     * hundred bytes per event.
     *
     * @param epochSecond the instant
     * @param offsetSeconds the offset east of UTC
     * @return this writer
     */
    public JsonOut isoSecondsValue(long epochSecond, int offsetSeconds) {
        separate();
        long local = epochSecond + offsetSeconds;
        long days = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        // the proleptic Gregorian date of a day count (H. Hinnant's days_from_civil, inverted)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        ensure(34);
        buffer[length++] = '"';
        fixed(year, 4);
        buffer[length++] = '-';
        fixed(month, 2);
        buffer[length++] = '-';
        fixed(day, 2);
        buffer[length++] = 'T';
        fixed(secondOfDay / 3600, 2);
        buffer[length++] = ':';
        fixed(secondOfDay / 60 % 60, 2);
        buffer[length++] = ':';
        fixed(secondOfDay % 60, 2);
        if (offsetSeconds == 0) {
            buffer[length++] = 'Z';
        } else {
            int absolute = Math.abs(offsetSeconds);
            buffer[length++] = (byte) (offsetSeconds < 0 ? '-' : '+');
            fixed(absolute / 3600, 2);
            buffer[length++] = ':';
            fixed(absolute / 60 % 60, 2);
            if (absolute % 60 != 0) {
                buffer[length++] = ':';
                fixed(absolute % 60, 2);
            }
        }
        buffer[length++] = '"';
        needsComma = true;
        return this;
    }

    /** Writes a non-negative number in exactly {@code width} digits (room already ensured). */
    private void fixed(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    public JsonOut value(boolean flag) {
        separate();
        ascii(flag ? "true" : "false");
        needsComma = true;
        return this;
    }

    /** The number of bytes written so far. */
    int length() {
        return length;
    }

    /** Lets a pooled writer's arrays go when they grew very large, so a thread does not keep them. */
    private void release() {
        if (buffer.length > MAX_KEPT_SCRATCH_BYTES) {
            buffer = new byte[SCRATCH_BYTES];
        }
        if (chars.length > MAX_KEPT_SCRATCH_CHARS) {
            chars = new char[SCRATCH_CHARS];
        }
    }

    /** The JSON written so far, as an array of exactly its length. */
    public byte[] toByteArray() {
        if (!pooled) {
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }
        byte[] result = Arrays.copyOf(buffer, length);
        release();
        return result;
    }

    private void digits(long number) {
        if (number < 0) {
            ascii(Long.toString(number));
            return;
        }
        int count = 1;
        for (long rest = number / 10; rest > 0; rest /= 10) {
            count++;
        }
        ensure(count);
        for (int i = length + count - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + (number % 10));
            number /= 10;
        }
        length += count;
    }

    private void asciiChar(char c) {
        if (c == '"' || c == '\\') {
            ensure(2);
            buffer[length++] = '\\';
            buffer[length++] = (byte) c;
        } else if (c < 0x20) {
            ensure(6);
            buffer[length++] = '\\';
            buffer[length++] = 'u';
            buffer[length++] = '0';
            buffer[length++] = '0';
            buffer[length++] = HEX[c >> 4];
            buffer[length++] = HEX[c & 0xF];
        } else {
            put((byte) c);
        }
    }

    private void separate() {
        if (needsComma) {
            put((byte) ',');
        }
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void putAll(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }

    /** The error for a text value over the bound, naming its field (never the value). */
    private TikTokValidationException tooLong() {
        String field = lastName == null || lastName.length < 3
                ? "a text value" : new String(lastName, 1, lastName.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        return EventRules.text(field, Integer.MAX_VALUE)
                .map(finding -> new TikTokValidationException(finding.field(), finding.message()))
                .orElseThrow();
    }
}
