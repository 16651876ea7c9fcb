package io.github.tiktokevents.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON lines: one object per line, read with Gson. Nested objects and arrays become dotted keys
 * ({@code {"user":{"email":...}}} gives {@code user.email}; arrays give {@code contents.0.price}); blank lines are
 * skipped and do not count as rows.
 */
final class JsonLinesRowReader implements RowReader {
    private final BufferedReader reader;
    private long index;

    JsonLinesRowReader(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    @Override
    public Row next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        long rowIndex = index++;
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            return new Row(rowIndex, null, null, line, "is not valid JSON");
        }
        if (!parsed.isJsonObject()) {
            return new Row(rowIndex, null, null, line, "is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", parsed.getAsJsonObject(), fields);
        return new Row(rowIndex, fields, null, line, null);
    }

    private static void flatten(String prefix, JsonObject object, Map<String, String> into) {
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            flatten(prefix + member.getKey(), member.getValue(), into);
        }
    }

    private static void flatten(String key, JsonElement value, Map<String, String> into) {
        if (value.isJsonObject()) {
            flatten(key + ".", value.getAsJsonObject(), into);
        } else if (value.isJsonArray()) {
            int i = 0;
            for (JsonElement element : value.getAsJsonArray()) {
                flatten(key + "." + i++, element, into);
            }
        } else if (!value.isJsonNull()) {
            into.put(key, value.getAsString());
        }
    }

    @Override
    public List<String> header() {
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
