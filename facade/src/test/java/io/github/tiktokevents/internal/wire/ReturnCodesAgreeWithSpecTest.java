package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.exception.TikTokApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mapping agrees with the spec's {@code x-tiktok-return-codes}: every listed code's success and retryable flags
 * match what the facade does with it. Read crudely, line by line: each entry is a one-line flow mapping.
 */
class ReturnCodesAgreeWithSpecTest {
    private static final Pattern ENTRY = Pattern.compile(
            "\\{code: (\\d+), meaning: [^,]*(?:,[^,]*)*?, retryable: (true|false), success: (true|false)}");

    @Test
    void everyCodeInTheSpecIsMappedWithTheSameFlags() throws IOException {
        List<String[]> codes = new ArrayList<>();
        for (String line : Files.readAllLines(spec())) {
            Matcher m = ENTRY.matcher(line);
            if (m.find()) {
                codes.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        assertThat(codes).hasSizeGreaterThanOrEqualTo(16);
        ApiErrorMapper mapper = new ApiErrorMapper(MockTikTok.CLOCK, "token");
        for (String[] entry : codes) {
            long code = Long.parseLong(entry[0]);
            boolean retryable = Boolean.parseBoolean(entry[1]);
            boolean success = Boolean.parseBoolean(entry[2]);
            String body = "{\"code\":" + code + ",\"request_id\":\"r\"}";
            if (success) {
                assertThat(mapper.map(200, null, body).code()).as("code %d", code).isEqualTo(code);
            } else {
                TikTokApiException e = ApiErrorMapper.forCode(code, "m", "r", 200, null);
                assertThat(e.isRetryable()).as("retryable of code %d", code).isEqualTo(retryable);
                assertThat(e.code()).isEqualTo(code);
            }
        }
    }

    private static Path spec() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("spec/tiktok-events-api.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("spec/tiktok-events-api.yaml not found above the working directory");
        }
        return dir.resolve("spec/tiktok-events-api.yaml");
    }
}
