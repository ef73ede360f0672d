package app.tarjim.pipeline.glossary;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a glossary CSV: UTF-8, two columns {@code arabic,english}, an optional header row with exactly
 * those names, quotes as in RFC 4180, blank lines ignored. The same Arabic term twice with different
 * renderings is an error, since one of them would silently lose.
 */
public final class GlossaryCsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    public Glossary read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new GlossaryFormatException("Cannot read the glossary " + file + ": " + e.getMessage(), e);
        }
    }

    public Glossary read(Reader reader) {
        Map<String, GlossaryEntry> byTerm = new LinkedHashMap<>();
        try {
            for (CSVRecord record : FORMAT.parse(reader)) {
                long line = record.getRecordNumber();
                if (line == 1 && isHeader(record)) {
                    continue;
                }
                if (record.size() != 2) {
                    throw new GlossaryFormatException(String.format(
                            "Glossary line %d has %d fields; each line needs two: arabic,english", line, record.size()));
                }
                String arabic = stripBom(record.get(0));
                String english = record.get(1);
                if (arabic.isBlank() || english.isBlank()) {
                    throw new GlossaryFormatException(String.format(
                            "Glossary line %d has an empty field; each line needs an Arabic term and its English rendering", line));
                }
                GlossaryEntry entry = new GlossaryEntry(arabic, english);
                GlossaryEntry earlier = byTerm.putIfAbsent(entry.arabic(), entry);
                if (earlier != null && !earlier.english().equals(entry.english())) {
                    throw new GlossaryFormatException(String.format(
                            "Glossary line %d gives «%s» a second rendering (\"%s\", earlier \"%s\")",
                            line, entry.arabic(), entry.english(), earlier.english()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new GlossaryFormatException("The glossary is not valid CSV: " + e.getMessage(), e);
        }
        return new Glossary(new ArrayList<>(byTerm.values()));
    }

    private static boolean isHeader(CSVRecord record) {
        return record.size() == 2
                && stripBom(record.get(0)).strip().equalsIgnoreCase("arabic")
                && record.get(1).strip().equalsIgnoreCase("english");
    }

    private static String stripBom(String field) {
        return field.startsWith("\uFEFF") ? field.substring(1) : field;
    }
}
