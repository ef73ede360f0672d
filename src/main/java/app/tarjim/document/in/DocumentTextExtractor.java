package app.tarjim.document.in;

/**
 * Turns one uploaded file into article text: .txt, .html/.htm, .docx or .pdf, chosen by extension (the
 * content type is a fallback for names without one). Every failure is a {@link DocumentImportException}
 * whose message names the file and can be shown to the user as it is.
 */
public final class DocumentTextExtractor {

    /** 20 MB: far above any news article, low enough to keep a PDF or DOCX parse in bounded memory. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final long maxBytes;
    private final PlainTextExtractor plainText = new PlainTextExtractor();
    private final ArticleHtmlExtractor html = new ArticleHtmlExtractor();
    private final DocxTextExtractor docx = new DocxTextExtractor();
    private final PdfTextExtractor pdf = new PdfTextExtractor();

    public DocumentTextExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentTextExtractor(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public ExtractedDocument extract(byte[] bytes, String fileName) throws DocumentImportException {
        return extract(bytes, fileName, null);
    }

    /**
     * @param contentType optional MIME type from the upload, used only when the file name has no known extension
     */
    public ExtractedDocument extract(byte[] bytes, String fileName, String contentType) throws DocumentImportException {
        String name = fileName == null || fileName.isBlank() ? "The file" : fileName;
        DocumentType type = DocumentType.detect(fileName, contentType).orElseThrow(() ->
                new DocumentImportException(name, name + " is not a supported file type. Supported: "
                        + DocumentType.supportedList() + "."));
        if (bytes.length > maxBytes) {
            throw new DocumentImportException(name, name + " is " + FileNames.describeSize(bytes.length)
                    + "; the limit is " + FileNames.describeSize(maxBytes) + ".");
        }
        if (bytes.length == 0) {
            throw new DocumentImportException(name, name + " is empty.");
        }
        ExtractedDocument document = switch (type) {
            case TEXT -> plainText.extract(bytes, name);
            case HTML -> html.extract(bytes, "");
            case DOCX -> docx.extract(bytes, name);
            case PDF -> pdf.extract(bytes, name);
        };
        if (document.text().isBlank()) {
            throw new DocumentImportException(name, name + " contains no text.");
        }
        return document;
    }
}
