package io.github.tiktokevents.cli;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads data rows one at a time, so memory does not grow with the input. Not thread-safe. */
interface RowReader extends Closeable {

    /**
     * The next row.
     *
     * @return the row, or null at the end of the input
     * @throws IOException if the input cannot be read (or, for CSV, parsed at all from here on)
     */
    Row next() throws IOException;

    /** The column names of a CSV header, in file order; null for JSON lines, whose keys vary by row. */
    List<String> header();

    /** Opens a reader of the given format; a UTF-8 byte order mark (as Excel writes) is skipped. */
    static RowReader open(InputFormat format, InputStream in) throws IOException {
        Reader reader = utf8WithoutBom(in);
        return format == InputFormat.CSV ? new CsvRowReader(reader) : new JsonLinesRowReader(reader);
    }

    private static Reader utf8WithoutBom(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        if (!bom) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8);
    }
}
