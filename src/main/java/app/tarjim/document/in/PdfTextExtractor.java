package app.tarjim.document.in;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/**
 * PDFs via PDFBox's text stripper. PDFBox turns right-to-left runs back into logical order and folds
 * Arabic presentation forms, but the result depends on how the PDF was produced: expect occasional
 * wrong word order or split words in Arabic taken from PDFs. A PDF without a text layer (a scan) is refused.
 */
final class PdfTextExtractor {

    private static final String PARAGRAPH_END = "\u2029";

    ExtractedDocument extract(byte[] bytes, String fileName) throws DocumentImportException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
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
        } catch (IOException | RuntimeException e) {
            // PDFBox signals damaged files with IOExceptions and, for some broken structures, runtime exceptions.
            throw new DocumentImportException(fileName,
                    fileName + " could not be read as a PDF: it is damaged or not a PDF file.", e);
        }
    }
}
