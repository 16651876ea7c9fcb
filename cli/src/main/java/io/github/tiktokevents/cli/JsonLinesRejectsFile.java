package io.github.tiktokevents.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;

/**
 * Rejects of a JSON lines input: each refused object with a {@code tiktok_reject} member holding the reason; a line
 * that was not a JSON object is kept as text in {@code tiktok_reject.line}.
 */
final class JsonLinesRejectsFile extends RejectsFile {

    JsonLinesRejectsFile(FileChannel channel) {
        super(channel);
    }

    @Override
    void writeHeader() {
        // JSON lines have no header
    }

    @Override
    void writeRow(Writer out, Reject reject) throws IOException {
        JsonObject reason = new JsonObject();
        reason.addProperty("row", reject.row().number());
        reason.addProperty("field", reject.field());
        reason.addProperty("code", reject.code());
        reason.addProperty("message", reject.message());
        reason.addProperty("request_id", reject.requestId());
        JsonObject line;
        if (reject.row().fields() != null) {
            JsonElement original = JsonParser.parseString(reject.row().line());
            line = original.getAsJsonObject();
        } else {
            line = new JsonObject();
            reason.addProperty("line", reject.row().line());
        }
        line.add(FieldMapping.REJECT_COLUMN_PREFIX, reason);
        out.write(line.toString());
        out.write('\n');
    }
}
