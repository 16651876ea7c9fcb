package io.github.tiktokevents.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** Rejects of a CSV input: the input's header and cells, then the reason columns. */
final class CsvRejectsFile extends RejectsFile {
    private static final List<String> REASON_COLUMNS = List.of(
            FieldMapping.REJECT_COLUMN_PREFIX + "_row", FieldMapping.REJECT_COLUMN_PREFIX + "_field",
            FieldMapping.REJECT_COLUMN_PREFIX + "_code", FieldMapping.REJECT_COLUMN_PREFIX + "_message",
            FieldMapping.REJECT_COLUMN_PREFIX + "_request_id");

    private final List<String> header;

    CsvRejectsFile(FileChannel channel, List<String> header) {
        super(channel);
        this.header = header;
    }

    @Override
    void writeHeader() throws IOException {
        List<Object> names = new ArrayList<>(header);
        names.addAll(REASON_COLUMNS);
        CSVFormat.RFC4180.printRecord(writer(), names.toArray());
    }

    @Override
    void writeRow(Writer out, Reject reject) throws IOException {
        List<Object> cells = new ArrayList<>(reject.row().cells());
        // a row with the wrong number of cells is padded or cut, so the reason stays in its columns
        while (cells.size() < header.size()) {
            cells.add("");
        }
        List<Object> row = new ArrayList<>(cells.subList(0, header.size()));
        row.add(reject.row().number());
        row.add(reject.field());
        row.add(reject.code());
        row.add(reject.message());
        row.add(reject.requestId());
        CSVFormat.RFC4180.printRecord(out, row.toArray());
    }
}
