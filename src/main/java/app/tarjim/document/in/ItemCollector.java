package app.tarjim.document.in;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the rules every batch format shares: non-empty id and text, unique ids, the per-item character
 * limit and the item count limit. Readers hand it candidates and problems; it builds the {@link BatchInput}.
 */
final class ItemCollector {

    private final BatchLimits limits;
    private final List<BatchItem> items = new ArrayList<>();
    private final List<BatchProblem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    ItemCollector(BatchLimits limits) {
        this.limits = limits;
    }

    /** True once maxItems articles are in; the reader should then call {@link #stopAtLimit} and stop. */
    boolean full() {
        return items.size() >= limits.maxItems();
    }

    void stopAtLimit(String sourceName, long lineNumber) {
        problems.add(new BatchProblem(sourceName, lineNumber, "batch limit of " + limits.maxItems()
                + " articles reached; this and everything after it was not read"));
    }

    void problem(String sourceName, long lineNumber, String message) {
        problems.add(new BatchProblem(sourceName, lineNumber, message));
    }

    /** Adds the item, or records why not (the problem is reported against sourceName and lineNumber). */
    void offer(String id, String title, String text, String sourceName, long lineNumber, String itemSourceName) {
        String cleanId = id == null ? "" : id.strip();
        if (cleanId.isEmpty()) {
            problem(sourceName, lineNumber, "missing id");
            return;
        }
        if (text == null || text.isBlank()) {
            problem(sourceName, lineNumber, "article '" + cleanId + "' has no text");
            return;
        }
        if (text.length() > limits.maxCharsPerItem()) {
            problem(sourceName, lineNumber, "article '" + cleanId + "' has " + text.length()
                    + " characters; the limit is " + limits.maxCharsPerItem());
            return;
        }
        if (!ids.add(cleanId)) {
            problem(sourceName, lineNumber, "duplicate id '" + cleanId + "'; only the first is kept");
            return;
        }
        String cleanTitle = title == null || title.isBlank() ? null : title.strip();
        items.add(new BatchItem(cleanId, cleanTitle, text.strip(), itemSourceName));
    }

    BatchInput result() {
        return new BatchInput(items, problems);
    }
}
