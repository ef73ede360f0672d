package app.tarjim.document.in;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.util.List;

/**
 * PDFs via PDFBox's text stripper. PDFBox turns right-to-left runs back into logical order and folds
 * Arabic presentation forms, but the result depends on how the PDF was produced: expect occasional
 * wrong word order or split words in Arabic taken from PDFs. A PDF without a text layer (a scan) is refused.
 * Before any text is read, the pages are counted and the streams measured against the limits; the reading
 * itself stops at a deadline, since a small content stream can still draw the same form millions of times,
 * and at a glyph count, since each glyph is held in memory until its page is done.
 */
final class PdfTextExtractor {

    private static final String PARAGRAPH_END = "\u2029";

    private final DocumentLimits limits;

    PdfTextExtractor(DocumentLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument extract(byte[] bytes, String fileName) throws DocumentImportException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw new DocumentImportException(fileName, fileName + " has " + pages + " pages; the limit is "
                        + limits.maxPdfPages() + ".");
            }
            PdfStreamBudget.check(document.getDocument(), limits.maxPdfStreamBytes());
            // Overlapping glyphs (fake bold) are merged into one character, so allow some more glyphs than text.
            PDFTextStripper stripper = new BoundedTextStripper(System.nanoTime() + limits.maxParseTime().toNanos(),
                    2L * limits.maxTextChars());
            stripper.setParagraphStart("");
            stripper.setParagraphEnd(PARAGRAPH_END);
            stripper.setLineSeparator(" ");
            stripper.setPageEnd(PARAGRAPH_END);
            String raw = stripper.getText(document);
            Paragraphs paragraphs = new Paragraphs();
            for (String paragraph : raw.split(PARAGRAPH_END)) {
                paragraphs.add(paragraph);
            }
            if (paragraphs.isEmpty()) {
                throw new DocumentImportException(fileName, fileName
                        + " has no text layer (scanned?). Run it through OCR first, or paste the text.");
            }
            String title = document.getDocumentInformation().getTitle();
            return new ExtractedDocument(title, paragraphs.text());
        } catch (InvalidPasswordException e) {
            throw new DocumentImportException(fileName, fileName + " is password-protected; remove the password first.", e);
        } catch (LimitExceededException e) {
            throw new DocumentImportException(fileName, refusal(fileName, e), e);
        } catch (IOException | RuntimeException e) {
            // PDFBox signals damaged files with IOExceptions and, for some broken structures, runtime exceptions.
            throw new DocumentImportException(fileName,
                    fileName + " could not be read as a PDF: it is damaged or not a PDF file.", e);
        }
    }

    private String refusal(String fileName, LimitExceededException e) {
        if (e instanceof DeadlineExceededException) {
            long seconds = Math.max(1, limits.maxParseTime().toSeconds());
            return fileName + " took longer than " + seconds + (seconds == 1 ? " second" : " seconds")
                    + " to read; it was refused to protect the server.";
        }
        if (e instanceof TooMuchTextException) {
            return fileName + " holds more than " + limits.maxTextChars()
                    + " characters of text; it was refused to protect the server.";
        }
        return fileName + " expands to more than " + FileNames.describeSize(limits.maxPdfStreamBytes())
                + " when opened; it was refused to protect the server.";
    }

    /**
     * Checks the clock before every content-stream operator, the smallest unit of PDFBox's work, and counts
     * glyphs: the stripper keeps an object per glyph until the page ends, so a page that shows millions of
     * them would fill the heap long before the deadline.
     */
    private static final class BoundedTextStripper extends PDFTextStripper {

        private final long deadlineNanos;
        private final long maxGlyphs;
        private long glyphs;

        BoundedTextStripper(long deadlineNanos, long maxGlyphs) {
            this.deadlineNanos = deadlineNanos;
            this.maxGlyphs = maxGlyphs;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlineExceededException();
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            if (++glyphs > maxGlyphs) {
                throw new TooMuchTextException();
            }
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        }

        /** PDFBox logs and skips failures inside a drawn form ("Do"); a limit must still stop the whole. */
        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException exception)
                throws IOException {
            if (exception instanceof LimitExceededException) {
                throw exception;
            }
            super.operatorException(operator, operands, exception);
        }
    }

    private static final class DeadlineExceededException extends LimitExceededException {

        DeadlineExceededException() {
            super("PDF text extraction ran past its deadline");
        }
    }

    private static final class TooMuchTextException extends LimitExceededException {

        TooMuchTextException() {
            super("PDF shows more glyphs than the text limit allows");
        }
    }
}
