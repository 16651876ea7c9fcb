package io.github.tiktokevents.codegen;

import java.util.List;
import java.util.Map;

/**
 * What the generator writes: the facade's objects and open value types, the Events API 1.0 mapping, and the spec
 * properties that have no way into the facade (the drift).
 *
 * @param specName the spec's file name, for the generated files' headers
 * @param classes the objects, the event first
 * @param enums the open value types
 * @param pixelEvent the Events API 1.0 event's properties
 * @param piiKinds the normalisation rules the spec declares ({@code x-tiktok-pii-kinds}), with their descriptions
 * @param facadeSet properties the facade sets outside the event model, with the spec's reason ({@code x-tiktok-facade})
 * @param envelopes the 2.0 request, the 1.0 track and batch requests and the 1.0 batch item's constant part, in that
 *                  order
 * @param unreachable request properties with no way into the facade, each with why; empty when there is no drift
 */
record FacadeModel(String specName, List<ModelClass> classes, List<OpenEnum> enums, List<PixelNode> pixelEvent,
                   Map<String, String> piiKinds, Map<String, String> facadeSet, List<Envelope> envelopes,
                   List<String> unreachable) {

    ModelClass root() {
        return classes.get(0);
    }

    ModelClass byJavaName(String name) {
        return classes.stream().filter(c -> c.javaName().equals(name)).findFirst().orElseThrow();
    }
}
