package io.github.tiktokevents.cli;

import java.util.List;
import java.util.Map;

/**
 * Checks a CSV header against the mapping before any row is read, so a wrong column name is a usage error
 * (exit code 2) rather than every row refused. JSON lines have no header; their rows are checked one by one.
 */
final class HeaderCheck {
    private HeaderCheck() {
    }

    /**
     * Checks the header.
     *
     * @throws UsageException naming the missing columns
     */
    static void check(List<String> header, FieldMapping mapping, String defaultEventName, boolean timeOptional) {
        if (header == null) {
            return;
        }
        Map<String, String> missing = mapping.missingFrom(header);
        if (!missing.isEmpty()) {
            // the header's own cells are not quoted: without a header row they are a row of personal data
            throw new UsageException("the CSV header has no column " + missing.values() + " named in the mapping "
                    + missing.keySet() + "; its first line has " + header.size() + " columns"
                    + " (is the header row missing, or is a column named differently?)");
        }
        Map<MappedField, String> columns = mapping.resolve(header);
        if (!columns.containsKey(MappedField.EVENT_TIME) && !timeOptional) {
            throw new UsageException("no column holds the event time: name one with --map event_time=COLUMN"
                    + " (default names: " + MappedField.EVENT_TIME.aliases() + "), or pass --time-if-missing now");
        }
        if (!columns.containsKey(MappedField.EVENT) && defaultEventName == null) {
            throw new UsageException("no column holds the event name: pass --event NAME (such as CompletePayment)"
                    + " or --map event=COLUMN");
        }
    }
}
