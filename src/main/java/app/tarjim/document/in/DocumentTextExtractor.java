package app.tarjim.document.in;

import java.util.Objects;

/**
 * Turns one uploaded file into article text: .txt, .html/.htm, .docx or .pdf, chosen by extension (the
 * content type is a fallback for names without one). Every failure is a {@link DocumentImportException}
 * whose message names the file and can be shown to the user as it is.
 *
 * <p>Whatever a document does, the failure stays with that document: parsing runs under the
 * {@link DocumentParsingGate} and within {@link DocumentLimits}, and an error a library throws while
 * parsing, even an OutOfMemoryError, becomes a DocumentImportException instead of reaching the thread that
 * serves the request.
 */
public final class DocumentTextExtractor {

    /** 20 MB: far above any news article, low enough to keep a PDF or DOCX parse in bounded memory. */
    public static final long DEFAULT_MAX_BYTES = DocumentLimits.defaults().maxFileBytes();

    private final DocumentLimits limits;
    private final DocumentParsingGate gate;
    private final PlainTextExtractor plainText = new PlainTextExtractor();
    private final ArticleHtmlExtractor html = new ArticleHtmlExtractor();
    private final DocxTextExtractor docx;
    private final PdfTextExtractor pdf;

    public DocumentTextExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentTextExtractor(long maxBytes) {
        this(DocumentLimits.defaults().withMaxFileBytes(maxBytes), DocumentParsingGate.shared());
    }

    public DocumentTextExtractor(DocumentLimits limits, DocumentParsingGate gate) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.docx = new DocxTextExtractor(limits);
        this.pdf = new PdfTextExtractor(limits);
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
        if (bytes.length > limits.maxFileBytes()) {
            throw new DocumentImportException(name, name + " is " + FileNames.describeSize(bytes.length)
                    + "; the limit is " + FileNames.describeSize(limits.maxFileBytes()) + ".");
        }
        if (bytes.length == 0) {
            throw new DocumentImportException(name, name + " is empty.");
        }
        ExtractedDocument document = type == DocumentType.TEXT
                ? plainText.extract(bytes, name) // linear in the file's size, nothing to bound beyond it
                : gate.parse(name, () -> parse(type, bytes, name));
        if (document.text().isBlank()) {
            throw new DocumentImportException(name, name + " contains no text.");
        }
        if (document.text().length() > limits.maxTextChars()) {
            throw new DocumentImportException(name, name + " holds more than " + limits.maxTextChars()
                    + " characters of text; it was refused to protect the server.");
        }
        return document;
    }

    private ExtractedDocument parse(DocumentType type, byte[] bytes, String name) throws DocumentImportException {
        try {
            return switch (type) {
                case TEXT -> plainText.extract(bytes, name);
                case HTML -> html.extract(bytes, "");
                case DOCX -> docx.extract(bytes, name);
                case PDF -> pdf.extract(bytes, name);
            };
        } catch (OutOfMemoryError e) {
            // What the parse allocated is garbage once we are here, so the heap is usable again; rethrowing
            // would kill whichever service thread runs this, as it once killed Tomcat's acceptor.
            throw new DocumentImportException(name, name
                    + " needs more memory to open than the server can spare; it was refused.");
        } catch (StackOverflowError e) {
            throw new DocumentImportException(name, name + " is nested too deeply to read; it was refused.");
        } catch (RuntimeException e) {
            // A library bug on a strange file is still that file's problem, not the whole upload's.
            throw new DocumentImportException(name, name + " could not be read: it is damaged or not a ."
                    + type.extensions().get(0) + " file.", e);
        }
    }
}
