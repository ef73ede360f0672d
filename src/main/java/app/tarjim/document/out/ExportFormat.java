package app.tarjim.document.out;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The export formats, with the file extension and MIME type to offer a download under. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8", () -> new CsvArticleWriter(true)),
    JSONL("jsonl", "application/x-ndjson", JsonlArticleWriter::new),
    MARKDOWN("md", "text/markdown; charset=UTF-8", MarkdownArticleWriter::new),
    TEXT("txt", "text/plain; charset=UTF-8", TextArticleWriter::new),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxArticleWriter::new),
    PDF("pdf", "application/pdf", PdfArticleWriter::new);

    private final String extension;
    private final String contentType;
    private final Supplier<ArticleWriter> writer;

    ExportFormat(String extension, String contentType, Supplier<ArticleWriter> writer) {
        this.extension = extension;
        this.contentType = contentType;
        this.writer = writer;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** A new writer with this format's defaults (CSV with a byte order mark so Excel reads UTF-8). */
    public ArticleWriter writer() {
        return writer.get();
    }

    /**
     * The format a user named, by extension ({@code md}) or name ({@code markdown}), among those offered.
     *
     * @throws IllegalArgumentException naming the offered formats when the name is not one of them
     */
    public static ExportFormat parse(String name, Collection<ExportFormat> offered) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return offered.stream()
                .filter(f -> f.extension.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown export format '" + name + "'. Use one of: "
                        + offered.stream().map(ExportFormat::extension).collect(Collectors.joining(", ")) + "."));
    }
}
