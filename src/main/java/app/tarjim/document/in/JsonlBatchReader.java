package app.tarjim.document.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON Lines: one object per line with "id" and "text" (both required) and "title" (optional). Blank lines
 * are skipped; a line that is not such an object is reported with its line number and the rest continues.
 */
final class JsonlBatchReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BatchLimits limits;

    JsonlBatchReader(BatchLimits limits) {
        this.limits = limits;
    }

    BatchInput read(String content, String fileName) {
        ItemCollector collector = new ItemCollector(limits);
        String[] lines = content.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            long lineNumber = i + 1L;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                collector.problem(fileName, lineNumber, "not valid JSON: " + e.getOriginalMessage());
                continue;
            }
            if (node == null || !node.isObject()) {
                collector.problem(fileName, lineNumber, "expected a JSON object with id, title and text");
                continue;
            }
            String id = scalar(node, "id");
            String text = scalar(node, "text");
            if (id == null || text == null) {
                collector.problem(fileName, lineNumber, "missing " + (id == null ? "\"id\"" : "\"text\"")
                        + " (each line needs \"id\" and \"text\" as strings)");
                continue;
            }
            if (collector.full()) {
                collector.stopAtLimit(fileName, lineNumber);
                break;
            }
            collector.offer(id, scalar(node, "title"), text, fileName, lineNumber, fileName + " line " + lineNumber);
        }
        return collector.result();
    }

    /** Strings as they are, numbers as text (ids are often numeric); anything else counts as missing. */
    private static String scalar(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return null;
        }
        return value.asText();
    }
}
