package io.github.tiktokevents.client;

import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.PixelBatchRequest;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body under {@code src/test/resources/golden/}, named {@code <operationId>-<what>.json}, with the
 * generated model and the spec schema it belongs to.
 *
 * <pre>{@code
 * GoldenPayload golden = GoldenPayload.named("pixelTrack-python-readme.json");
 * PixelTrackRequest body = (PixelTrackRequest) golden.deserialize();
 * }</pre>
 *
 * @param fileName the file under {@code golden/}
 * @param modelType the generated request model of its operation
 * @param schemaName the spec schema of the request body
 */
public record GoldenPayload(String fileName, Class<?> modelType, String schemaName) {

    /**
     * Finds the model and schema of a golden file from its operation prefix.
     *
     * @param fileName e.g. {@code eventTrack-web-purchase.json}
     * @return the golden payload
     */
    public static GoldenPayload named(String fileName) {
        String operation = fileName.substring(0, fileName.indexOf('-'));
        return switch (operation) {
            case "eventTrack" -> new GoldenPayload(fileName, EventTrackRequest.class, "EventTrackRequest");
            case "pixelTrack" -> new GoldenPayload(fileName, PixelTrackRequest.class, "PixelTrackRequest");
            case "pixelBatch" -> new GoldenPayload(fileName, PixelBatchRequest.class, "PixelBatchRequest");
            default -> throw new IllegalArgumentException("no operation " + operation + " for " + fileName);
        };
    }

    /**
     * Reads the file's JSON text.
     *
     * @return the JSON text
     */
    public String json() {
        try (InputStream in = GoldenPayload.class.getResourceAsStream("/golden/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing golden/" + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deserialises the file into its generated model with the generated client's Gson.
     *
     * @return an instance of {@link #modelType()}
     */
    public Object deserialize() {
        return JSON.getGson().fromJson(json(), modelType);
    }
}
