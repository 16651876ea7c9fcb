package io.github.tiktokevents.cli;

import java.util.List;
import java.util.Map;

/**
 * One data row of the input.
 *
 * @param index its position among the data rows, from 0 (the header and blank lines do not count)
 * @param fields its values by column name (JSON lines: nested keys joined with dots); null when unreadable
 * @param cells a CSV row's cells in file order, for the rejects file; null for JSON lines
 * @param line a JSON lines row's text, for the rejects file; null for CSV
 * @param problem why the row could not be read, or null
 */
record Row(long index, Map<String, String> fields, List<String> cells, String line, String problem) {

    /** The row's number as people count it: data rows from 1. */
    long number() {
        return index + 1;
    }
}
