package app.tarjim.document.in;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Batch input formats, recognised by file extension. */
public enum BatchFormat {
    /** A ZIP of .txt, .html, .docx and .pdf files, one article each. */
    ZIP(List.of("zip")),
    /** CSV with a header naming the columns id, title and text, in any order. */
    CSV(List.of("csv")),
    /** JSON Lines: one {"id", "title", "text"} object per line. */
    JSONL(List.of("jsonl", "ndjson"));

    private final List<String> extensions;

    BatchFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    public static Optional<BatchFormat> fromFileName(String fileName) {
        String extension = FileNames.extension(fileName);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }
}
