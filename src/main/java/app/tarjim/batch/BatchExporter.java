package app.tarjim.batch;

import app.tarjim.article.ArticleExports;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.out.ExportFormat;
import app.tarjim.document.out.ExportedArticle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a job's results with the document exporters: every item in input order, translated ones with
 * their sentences and summary, the others with why they have no translation.
 */
@Component
public class BatchExporter {

    /** The formats offered for batches, by the names users type (csv, jsonl, md, docx, pdf). */
    public static final List<ExportFormat> FORMATS =
            List.of(ExportFormat.CSV, ExportFormat.JSONL, ExportFormat.MARKDOWN, ExportFormat.DOCX, ExportFormat.PDF);

    /** Items read from the database at a time while exporting. */
    static final int PAGE = 100;

    private final BatchService batches;

    public BatchExporter(BatchService batches) {
        this.batches = batches;
    }

    public static ExportFormat format(String name) {
        return ExportFormat.parse(name, FORMATS);
    }

    /** A file name for the download: the job's name without its extension, plus the format's. */
    public static String fileName(BatchJobView job, ExportFormat format) {
        String base = job.name().replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        return (base.isBlank() ? "batch" : base) + "-translated." + format.extension();
    }

    public void write(UUID jobId, ExportFormat format, OutputStream out) throws IOException {
        format.writer().write(results(jobId), out);
    }

    /**
     * The job's results in input order, read from the database {@link #PAGE} items at a time as the writer asks
     * for them, so that an export of thousands of articles never holds them all (the text formats stream out).
     */
    Iterable<ExportedArticle> results(UUID jobId) {
        return () -> new Iterator<>() {
            private int offset;
            private Iterator<BatchResult> page = Collections.emptyIterator();
            private boolean lastPage;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !lastPage) {
                    List<BatchResult> next = batches.results(jobId, offset, PAGE);
                    offset += PAGE;
                    lastPage = next.size() < PAGE; // positions run 0 .. total - 1 without gaps
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public ExportedArticle next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return toExported(page.next());
            }
        };
    }

    static ExportedArticle toExported(BatchResult result) {
        BatchItemView item = result.item();
        String id = item.externalId() == null || item.externalId().isBlank()
                ? Integer.toString(item.position() + 1) : item.externalId();
        if (result.article().isEmpty()) {
            return new ExportedArticle(id, item.title(), result.sourceText(), List.of(), "", null, false,
                    whyUntranslated(item));
        }
        StoredArticle article = result.article().get();
        return new ExportedArticle(id, item.title(), result.sourceText(),
                ArticleExports.sentences(article),
                article.translationText(), article.summary().orElse(null), article.demo(), null, article.edited(),
                article.machineTranslation(), article.models().translationModel(), article.models().summarizerModel());
    }

    private static String whyUntranslated(BatchItemView item) {
        return switch (item.status()) {
            case FAILED -> item.error() == null ? "Translation failed" : item.error();
            case CANCELLED -> "Not translated: the batch was cancelled";
            case PENDING, RUNNING -> "Not translated yet";
            case DONE -> "The translation was deleted";
        };
    }

    public static String formatNames() {
        return Arrays.stream(FORMATS.toArray(ExportFormat[]::new)).map(ExportFormat::extension)
                .collect(Collectors.joining("|"));
    }
}
