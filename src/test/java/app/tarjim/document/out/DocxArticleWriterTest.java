package app.tarjim.document.out;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocxArticleWriterTest {

    @Test
    void tableHoldsArabicRightToLeftNextToEnglishPerSentence() throws IOException {
        ExportedArticle article = TestArticles.aleppo(true);
        try (XWPFDocument document = read(List.of(article))) {
            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSize(1);
            List<XWPFTableRow> rows = tables.get(0).getRows();
            assertThat(rows).hasSize(article.sentences().size() + 1);
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo(DocxArticleWriter.ARABIC_HEADER);
            assertThat(rows.get(0).getCell(1).getText()).isEqualTo(DocxArticleWriter.ENGLISH_HEADER);
            for (int i = 0; i < article.sentences().size(); i++) {
                ExportedSentence sentence = article.sentences().get(i);
                XWPFTableCell arabic = rows.get(i + 1).getCell(0);
                assertThat(arabic.getText()).isEqualTo(sentence.source());
                assertThat(rows.get(i + 1).getCell(1).getText()).isEqualTo(sentence.target());
                XWPFParagraph paragraph = arabic.getParagraphs().get(0);
                assertThat(paragraph.getCTP().getPPr().isSetBidi()).isTrue();
                assertThat(paragraph.getRuns().get(0).getCTR().getRPr().sizeOfRtlArray()).isEqualTo(1);
                assertThat(rows.get(i + 1).getCell(1).getParagraphs().get(0).getCTP().isSetPPr()).isFalse();
                assertThat(arabic.getColor()).isEqualTo(sentence.flagged() ? DocxArticleWriter.FLAGGED_SHADE : null);
            }
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo(article.title());
            assertThat(document.getParagraphs().get(0).getCTP().getPPr().isSetBidi()).as("Arabic title").isTrue();
            assertThat(paragraphs).contains(DemoNotice.TEXT, "Summary", TestArticles.SUMMARY);
            assertThat(paragraphs.indexOf("Summary")).isGreaterThan(paragraphs.indexOf(DemoNotice.TEXT));
        }
    }

    @Test
    void withoutSentencesParagraphsArePairedAndArticlesGetTheirOwnPages() throws IOException {
        ExportedArticle first = new ExportedArticle("a1", "First", "فقرة أولى\n\nفقرة ثانية", List.of(),
                "Paragraph one.\n\nParagraph two.", null, false, null);
        ExportedArticle second = new ExportedArticle("a2", null, "نص", List.of(), "", null, false, "timed out");
        try (XWPFDocument document = read(List.of(first, second))) {
            XWPFTable table = document.getTables().get(0);
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("فقرة ثانية");
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("Paragraph two.");
            XWPFParagraph secondTitle = document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("a2")).findFirst().orElseThrow();
            assertThat(secondTitle.isPageBreak()).isTrue();
            assertThat(document.getParagraphs().stream().map(XWPFParagraph::getText))
                    .contains("Error: timed out").doesNotContain(DemoNotice.TEXT);
        }
    }

    private static XWPFDocument read(List<ExportedArticle> articles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocxArticleWriter().write(articles, out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }
}
