package app.tarjim.document.in;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * .docx via Apache POI: body paragraphs and table cells in document order; the title from the properties.
 * POI only sees the package after {@link DocxArchive} has measured every part against the limits.
 */
final class DocxTextExtractor {

    private static final Set<String> TITLE_STYLES = Set.of("title", "heading1", "heading 1");

    private final DocumentLimits limits;

    DocxTextExtractor(DocumentLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument extract(byte[] bytes, String fileName) throws DocumentImportException {
        if (FileMagic.valueOf(bytes) == FileMagic.OLE2) {
            throw new DocumentImportException(fileName, fileName
                    + " is an old Word 97-2003 document (.doc), not .docx. Save it as .docx and upload it again.");
        }
        try (XWPFDocument document = open(bytes, fileName)) {
            Paragraphs paragraphs = new Paragraphs();
            String headingTitle = collect(document.getBodyElements(), paragraphs);
            String propertyTitle = document.getProperties().getCoreProperties().getTitle();
            String title = propertyTitle != null && !propertyTitle.isBlank() ? propertyTitle : headingTitle;
            return new ExtractedDocument(title, paragraphs.text());
        } catch (IOException | POIXMLException | InvalidFormatException | IllegalStateException
                 | IllegalArgumentException e) {
            // POI reports damaged packages with several exception types; all mean the same to the user.
            throw new DocumentImportException(fileName,
                    fileName + " could not be read as a Word document (.docx): it is damaged or not a .docx file.", e);
        }
    }

    private XWPFDocument open(byte[] bytes, String fileName)
            throws IOException, InvalidFormatException, DocumentImportException {
        ZipFile zip = DocxArchive.openChecked(bytes, fileName, limits);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (InvalidFormatException | RuntimeException e) {
            zip.close();
            throw e;
        }
        try {
            return new XWPFDocument(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert(); // closes the archive without trying to save a read-only package
            throw e;
        }
    }

    /** Adds all text below the given elements; returns the first Title/Heading 1 paragraph's text, if any. */
    private static String collect(List<IBodyElement> elements, Paragraphs paragraphs) {
        String title = null;
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                String text = paragraph.getText();
                paragraphs.add(text);
                if (title == null && isTitleStyle(paragraph) && !text.isBlank()) {
                    title = text;
                }
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell.getBodyElements(), paragraphs);
                    }
                }
            }
        }
        return title;
    }

    private static boolean isTitleStyle(XWPFParagraph paragraph) {
        String style = paragraph.getStyle();
        return style != null && TITLE_STYLES.contains(style.toLowerCase());
    }
}
