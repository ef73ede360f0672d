package app.tarjim.document.out;

import app.tarjim.document.out.PdfPageFlow.Style;
import app.tarjim.document.out.ShapedParagraph.Direction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF with embedded Noto fonts: per article (each on a new page) the title, notices, the summary, then
 * each Arabic paragraph (shaped, right-to-left, right-aligned) followed by its English translation.
 * The Arabic extracts as letters, so it can be searched and copied ({@link ArabicToUnicode}).
 */
public final class PdfArticleWriter implements ArticleWriter {

    static final String SUMMARY_HEADING = "Summary";
    static final String TRANSLATION_HEADING = "Translation";

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        out.write(ArabicToUnicode.toLetters(draw(articles)));
        out.flush();
    }

    /** The drawn PDF, its Arabic glyphs still extracting as the presentation forms they were drawn as. */
    static byte[] draw(Iterable<ExportedArticle> articles) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument(); PdfFonts fonts = new PdfFonts(document)) {
            PdfPageFlow flow = new PdfPageFlow(document, fonts);
            List<String> titles = new ArrayList<>(1);
            for (ExportedArticle article : articles) {
                if (titles.size() < 2) {
                    titles.add(article.displayTitle());
                }
                flow.newPage();
                writeArticle(flow, article);
            }
            describe(document, titles);
            flow.finish();
            // Saved to a buffer first: the fonts must stay open until the subsets are written, and
            // PDFBox must not get hold of (and close) the caller's stream.
            document.save(buffer);
        }
        return buffer.toByteArray();
    }

    private static void writeArticle(PdfPageFlow flow, ExportedArticle article) throws IOException {
        flow.paragraph(article.displayTitle(), Style.TITLE, Direction.AUTO);
        if (article.demo()) {
            flow.paragraph(DemoNotice.TEXT, Style.NOTICE, Direction.LEFT_TO_RIGHT);
        }
        if (article.hasError()) {
            flow.paragraph("Error: " + article.error(), Style.NOTICE, Direction.LEFT_TO_RIGHT);
        }
        if (article.hasSummary()) {
            flow.paragraph(SUMMARY_HEADING, Style.HEADING, Direction.LEFT_TO_RIGHT);
            flow.paragraph(article.summary(), Style.BODY, Direction.LEFT_TO_RIGHT);
            flow.space(8);
        }
        flow.paragraph(TRANSLATION_HEADING, Style.HEADING, Direction.LEFT_TO_RIGHT);
        for (AlignedParagraph paragraph : AlignedParagraph.of(article)) {
            flow.paragraph(paragraph.source(), Style.ARABIC,
                    ArabicScript.contains(paragraph.source()) ? Direction.RIGHT_TO_LEFT : Direction.AUTO);
            flow.paragraph(paragraph.target(), Style.BODY, Direction.LEFT_TO_RIGHT);
            flow.space(8);
        }
    }

    /** @param titles the first two articles' titles: a single article gives the document its title */
    private static void describe(PDDocument document, List<String> titles) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreator("Tarjim");
        if (titles.size() == 1) {
            info.setTitle(titles.get(0));
        }
    }
}
