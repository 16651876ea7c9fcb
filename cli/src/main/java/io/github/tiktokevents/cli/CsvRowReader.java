package io.github.tiktokevents.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** CSV with a header row, parsed by Apache Commons CSV as a stream of records. */
final class CsvRowReader implements RowReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            // two columns of one name: which one a mapping means cannot be told, so it is a usage error
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long index;

    CsvRowReader(Reader reader) throws IOException {
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException badHeader) {
            // Not Commons CSV's message: it quotes the whole first line, which is a row of personal data when the
            // file has no header row. Nor is it the cause, which a --verbose run would print.
            throw new UsageException("the CSV header cannot be used: " + headerProblem(badHeader)
                    + " (the first line of the file is its header: is the header row missing?)");
        }
        this.header = List.copyOf(parser.getHeaderNames());
        if (header.isEmpty()) {
            throw new UsageException("the CSV input has no header row");
        }
        this.records = parser.iterator();
    }

    /** What is wrong with the header, in words of ours: Commons CSV's own message quotes the line. */
    private static String headerProblem(IllegalArgumentException badHeader) {
        String message = String.valueOf(badHeader.getMessage());
        if (message.startsWith("A header name is missing")) {
            return "a column has no name";
        }
        if (message.contains("duplicate name")) {
            return "two columns have the same name";
        }
        return "Commons CSV refused it (" + badHeader.getClass().getSimpleName() + ")";
    }

    @Override
    public Row next() throws IOException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            // A broken quote makes the rest of the file unreadable: stop here rather than guess where rows begin.
            throw new IOException("the CSV input cannot be parsed after data row " + index + ": "
                    + e.getCause().getMessage(), e);
        }
        List<String> cells = record.toList();
        long rowIndex = index++;
        if (cells.size() != header.size()) {
            return new Row(rowIndex, null, cells, null,
                    "has " + cells.size() + " cells where the header has " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), cells.get(i));
        }
        return new Row(rowIndex, fields, cells, null, null);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
