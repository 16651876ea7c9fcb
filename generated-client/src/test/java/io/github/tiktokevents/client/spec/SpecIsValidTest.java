package io.github.tiktokevents.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/**
 * The spec parses and validates with swagger-parser without a single message. (The build also refuses an invalid
 * spec on its own: the generator runs with {@code validateSpec=true}.)
 */
class SpecIsValidTest {

    @Test
    void parsesWithoutAnyMessage() {
        SwaggerParseResult result = parse(SpecFile.read());

        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).containsOnlyKeys(
                "/open_api/{version}/event/track/", "/open_api/{version}/pixel/track/",
                "/open_api/{version}/pixel/batch/");
    }

    @Test
    void reportsABrokenSpec() {
        String broken = SpecFile.read().replace("$ref: '#/components/schemas/EventTrackRequest'",
                "$ref: '#/components/schemas/NoSuchSchema'");

        assertThat(parse(broken).getMessages()).anySatisfy(message -> assertThat(message).contains("NoSuchSchema"));
    }

    /** The generator's validateSpec lets an unknown keyword through; this test does not. */
    @Test
    void reportsAnUnexpectedKeyword() {
        String broken = SpecFile.read().replace("  /open_api/{version}/event/track/:\n",
                "  /open_api/{version}/event/track/:\n    bogus: 1\n");

        assertThat(parse(broken).getMessages()).anySatisfy(message -> assertThat(message).contains("bogus"));
    }

    private static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(yaml, null, options);
    }
}
