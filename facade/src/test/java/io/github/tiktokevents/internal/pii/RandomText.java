package io.github.tiktokevents.internal.pii;

import java.util.Random;

/** Random strings for the seeded property tests. */
final class RandomText {
    private RandomText() {
    }

    /** Any UTF-16 code units, lone surrogates and control characters included, biased towards ASCII. */
    static String anyChars(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1) : (char) random.nextInt(0x80));
        }
        return text.toString();
    }

    /** Characters drawn from {@code alphabet}. */
    static String from(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
