package app.tarjim.document.in;

/**
 * Reads a batch of articles from a ZIP, CSV or JSONL file. Problems with single entries or lines are
 * collected next to the good items instead of failing the batch; only an unreadable input as a whole
 * (wrong format, missing CSV header, archive over its limits) throws {@link BatchInputException}.
 */
public final class BatchInputReader {

    private final BatchLimits limits;

    public BatchInputReader() {
        this(BatchLimits.defaults());
    }

    public BatchInputReader(BatchLimits limits) {
        this.limits = limits;
    }

    /** Chooses the format from the file extension: .zip, .csv, .jsonl or .ndjson. */
    public BatchInput read(byte[] content, String fileName) throws BatchInputException {
        BatchFormat format = BatchFormat.fromFileName(fileName).orElseThrow(() -> new BatchInputException(fileName,
                fileName + " is not a supported batch file. Supported: .zip, .csv, .jsonl, .ndjson."));
        return read(content, fileName, format);
    }

    public BatchInput read(byte[] content, String fileName, BatchFormat format) throws BatchInputException {
        if (content.length > limits.maxInputBytes()) {
            throw new BatchInputException(fileName, fileName + " is " + FileNames.describeSize(content.length)
                    + "; the limit is " + FileNames.describeSize(limits.maxInputBytes()) + ".");
        }
        return switch (format) {
            case ZIP -> new ZipBatchReader(limits).read(content, fileName);
            case CSV -> new CsvBatchReader(limits).read(text(content, fileName), fileName);
            case JSONL -> new JsonlBatchReader(limits).read(text(content, fileName), fileName);
        };
    }

    private static String text(byte[] content, String fileName) throws BatchInputException {
        try {
            return Utf8Text.decode(content, fileName);
        } catch (DocumentImportException e) {
            throw new BatchInputException(fileName, e.getMessage(), e);
        }
    }
}
