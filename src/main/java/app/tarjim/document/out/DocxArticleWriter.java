package app.tarjim.document.out;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Word document: per article the title, notices, a two-column table (Arabic | English) with one row per
 * sentence when the alignment is known (else per paragraph), then the summary. Arabic cells are marked
 * right-to-left on the paragraph (bidi) and on the runs (rtl), so Word lays them out and aligns them as
 * Arabic. Sentences flagged for review get a shaded row.
 */
public final class DocxArticleWriter implements ArticleWriter {

    static final String ARABIC_HEADER = "Arabic";
    static final String ENGLISH_HEADER = "English";
    static final String FLAGGED_SHADE = "FFF2CC";
    private static final String NOTICE_COLOUR = "C00000";

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            boolean first = true;
            for (ExportedArticle article : articles) {
                writeArticle(document, article, !first);
                first = false;
            }
            document.write(out);
        }
        out.flush();
    }

    private static void writeArticle(XWPFDocument document, ExportedArticle article, boolean newPage) {
        XWPFParagraph title = document.createParagraph();
        title.setPageBreak(newPage);
        text(title, article.displayTitle(), 16, true);
        if (article.demo()) {
            XWPFRun run = text(document.createParagraph(), DemoNotice.TEXT, 10, false);
            run.setItalic(true);
            run.setColor(NOTICE_COLOUR);
        }
        if (article.hasError()) {
            XWPFRun run = text(document.createParagraph(), "Error: " + article.error(), 10, true);
            run.setColor(NOTICE_COLOUR);
        }
        writeTable(document, article);
        if (article.hasSummary()) {
            text(document.createParagraph(), "Summary", 13, true);
            text(document.createParagraph(), article.summary().strip(), 11, false);
        }
    }

    private static void writeTable(XWPFDocument document, ExportedArticle article) {
        XWPFTable table = document.createTable();
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        fill(header.getCell(0), ARABIC_HEADER, true, false);
        fill(header.addNewTableCell(), ENGLISH_HEADER, true, false);
        header.setRepeatHeader(true);
        for (AlignedParagraph paragraph : AlignedParagraph.of(article)) {
            if (paragraph.sentences().isEmpty()) {
                addRow(table, paragraph.source(), paragraph.target(), false);
            } else {
                for (ExportedSentence sentence : paragraph.sentences()) {
                    addRow(table, sentence.source(), sentence.target(), sentence.flagged());
                }
            }
        }
    }

    private static void addRow(XWPFTable table, String arabic, String english, boolean flagged) {
        XWPFTableRow row = table.createRow();
        fill(row.getCell(0), arabic, false, true);
        fill(row.getCell(1), english, false, false);
        if (flagged) {
            row.getCell(0).setColor(FLAGGED_SHADE);
            row.getCell(1).setColor(FLAGGED_SHADE);
        }
    }

    private static void fill(XWPFTableCell cell, String value, boolean bold, boolean rightToLeft) {
        XWPFParagraph paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        XWPFRun run = text(paragraph, value, 11, bold);
        if (rightToLeft) {
            markRightToLeft(paragraph, run);
        }
    }

    /** Adds a run; text containing Arabic is marked right-to-left wherever it appears (titles too). */
    private static XWPFRun text(XWPFParagraph paragraph, String value, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(value == null ? "" : value);
        run.setFontSize(size);
        run.setBold(bold);
        if (ArabicScript.contains(value)) {
            markRightToLeft(paragraph, run);
        }
        return run;
    }

    private static void markRightToLeft(XWPFParagraph paragraph, XWPFRun run) {
        CTPPr paragraphProperties = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr()
                : paragraph.getCTP().addNewPPr();
        if (!paragraphProperties.isSetBidi()) {
            paragraphProperties.addNewBidi();
        }
        CTR ctr = run.getCTR();
        CTRPr runProperties = ctr.isSetRPr() ? ctr.getRPr() : ctr.addNewRPr();
        if (runProperties.sizeOfRtlArray() == 0) {
            runProperties.addNewRtl();
        }
        // Word sizes right-to-left runs with the complex-script size, not the regular one.
        if (runProperties.sizeOfSzCsArray() == 0) {
            runProperties.addNewSzCs().setVal(java.math.BigInteger.valueOf(run.getFontSizeAsDouble() == null
                    ? 22 : Math.round(run.getFontSizeAsDouble() * 2)));
        }
    }
}
