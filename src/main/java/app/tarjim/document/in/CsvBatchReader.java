package app.tarjim.document.in;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CSV with a header row naming id, title and text (any order, any case; other columns are ignored). A
 * record commons-csv cannot parse (a stray quote) is reported with the line it starts on, and parsing
 * resumes on the next line, so one bad line never costs the rest of the file.
 */
final class CsvBatchReader {

    private static final List<String> REQUIRED = List.of("id", "title", "text");

    private final BatchLimits limits;

    CsvBatchReader(BatchLimits limits) {
        this.limits = limits;
    }

    BatchInput read(String content, String fileName) throws BatchInputException {
        List<Integer> lineStarts = lineStarts(content);
        Map<String, Integer> columns = header(content, fileName);
        CSVFormat bodyFormat = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        ItemCollector collector = new ItemCollector(limits);

        int startLine = 2; // 1-based line where the current parser begins; line 1 is the header
        while (startLine <= lineStarts.size()) {
            String rest = content.substring(lineStarts.get(startLine - 1));
            long recordStart = startLine;
            try (CSVParser parser = CSVParser.parse(new StringReader(rest), bodyFormat)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    // The parser has consumed whole lines so far, so the next record starts on the next one.
                    recordStart = startLine + parser.getCurrentLineNumber();
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    if (collector.full()) {
                        collector.stopAtLimit(fileName, recordStart);
                        return collector.result();
                    }
                    accept(record, columns, fileName, recordStart, collector);
                }
                startLine = Integer.MAX_VALUE;
            } catch (UncheckedIOException | IOException e) {
                collector.problem(fileName, recordStart, "malformed CSV record (" + reason(e) + "); skipped");
                startLine = (int) recordStart + 1;
            }
        }
        return collector.result();
    }

    private static void accept(CSVRecord record, Map<String, Integer> columns, String fileName, long line,
                               ItemCollector collector) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (record.size() < needed) {
            collector.problem(fileName, line, "expected at least " + needed + " fields, found " + record.size()
                    + " (a missing quote or comma?)");
            return;
        }
        collector.offer(record.get(columns.get("id")), record.get(columns.get("title")),
                record.get(columns.get("text")), fileName, line, fileName + " line " + line);
    }

    /** Maps each required column name to its index; a file without them is refused as a whole. */
    private static Map<String, Integer> header(String content, String fileName) throws BatchInputException {
        try (CSVParser parser = CSVParser.parse(new StringReader(content), CSVFormat.RFC4180)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new BatchInputException(fileName, fileName + " is empty.");
            }
            CSVRecord header = records.next();
            if (parser.getCurrentLineNumber() > 1) {
                throw new BatchInputException(fileName, fileName + ": the header row must be a single line.");
            }
            Map<String, Integer> columns = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (REQUIRED.contains(name) && !columns.containsKey(name)) {
                    columns.put(name, i);
                }
            }
            List<String> missing = new ArrayList<>(REQUIRED);
            missing.removeAll(columns.keySet());
            if (!missing.isEmpty()) {
                throw new BatchInputException(fileName, fileName + " needs a header row with the columns id, title, text"
                        + " (in any order); missing: " + String.join(", ", missing) + ".");
            }
            return columns;
        } catch (IOException | UncheckedIOException e) {
            throw new BatchInputException(fileName, fileName + ": the header row is not valid CSV.", e);
        }
    }

    /** Offsets where each line begins; index 0 is line 1. */
    private static List<Integer> lineStarts(String content) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n'))) {
                if (i + 1 < content.length()) {
                    starts.add(i + 1);
                }
            }
        }
        return starts;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // commons-csv appends positions that mean nothing to the user; keep its first clause.
        int cut = message.indexOf(" at line");
        if (cut < 0) {
            cut = message.indexOf(" (line");
        }
        return (cut > 0 ? message.substring(0, cut) : message).strip();
    }
}
