package app.tarjim.batch;

import app.tarjim.document.in.BatchInput;
import app.tarjim.document.in.BatchInputException;
import app.tarjim.document.in.BatchInputReader;
import app.tarjim.document.in.BatchLimits;
import app.tarjim.document.in.BatchProblem;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns an uploaded batch file (.zip, .csv, .jsonl) into a {@link NewBatch} under this app's limits.
 * Bad lines and entries become problems shown with the job; a file that cannot be read at all, or holds
 * more articles than allowed, is rejected with a message that says what to change.
 */
@Component
public class BatchInputParser {

    private final BatchProperties properties;

    public BatchInputParser(BatchProperties properties) {
        this.properties = properties;
    }

    public NewBatch parse(byte[] content, String fileName, String owner, String name, SummaryOption summary) {
        return parse(content, fileName, owner, name, summary, BatchModels.DEFAULT);
    }

    public NewBatch parse(byte[] content, String fileName, String owner, String name, SummaryOption summary,
                          BatchModels models) {
        long maxBytes = properties.maxUploadSize().toBytes();
        if (content.length > maxBytes) {
            throw new BatchRejectedException(BatchRejectedException.Reason.TOO_LARGE,
                    fileName + " is " + megabytes(content.length) + "; the limit is " + megabytes(maxBytes)
                            + ". Split it into smaller files.");
        }
        BatchInput input = read(content, fileName);
        if (input.items().size() > properties.maxItems()) {
            throw new BatchRejectedException(BatchRejectedException.Reason.TOO_MANY_ITEMS,
                    fileName + " holds more than " + properties.maxItems() + " articles, the most one batch may "
                            + "hold. Split it into smaller files.");
        }
        List<NewBatchItem> items = input.items().stream()
                .map(item -> new NewBatchItem(item.id(), item.title(), item.text(), item.sourceName()))
                .toList();
        List<InputProblem> problems = input.problems().stream().map(BatchInputParser::toProblem).toList();
        String jobName = name == null || name.isBlank() ? fileName : name.strip();
        return new NewBatch(owner, jobName, summary, items, problems, InputDigest.of(content, summary, models),
                models);
    }

    private BatchInput read(byte[] content, String fileName) {
        // One item over the limit is read so that an oversized batch is refused rather than cut short.
        BatchLimits defaults = BatchLimits.defaults();
        BatchLimits limits = new BatchLimits(properties.maxUploadSize().toBytes(), properties.maxItems() + 1,
                properties.maxCharsPerItem(), Math.max(defaults.maxZipEntries(), properties.maxItems() + 1),
                defaults.maxZipEntryBytes(), defaults.maxZipTotalBytes());
        try {
            return new BatchInputReader(limits).read(content, fileName);
        } catch (BatchInputException e) {
            throw new BatchRejectedException(BatchRejectedException.Reason.UNREADABLE, e.getMessage(), e);
        }
    }

    private static InputProblem toProblem(BatchProblem problem) {
        return new InputProblem(problem.sourceName(), problem.lineNumber(), problem.message());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
