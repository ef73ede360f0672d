package app.tarjim.document.out;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PdfArticleWriterTest {

    private static final Path OUT = Path.of("target", "document");

    @Test
    void arabicArticleSurvivesExportAndTextExtraction() throws IOException {
        ExportedArticle article = TestArticles.aleppo(true);
        byte[] pdf = export(List.of(article));
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("aleppo.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("a 650-word article with translation spans pages")
                    .isGreaterThan(1);
            String text = TestArticles.fold(new PDFTextStripper().getText(document));
            assertThat(text).contains("المعارضة", "حلب", "الولايات المتحدة", "لافروف", "سيرغي", "2016")
                    .contains("English sentence 1.", "English sentence 12.", TestArticles.SUMMARY)
                    .contains(DemoNotice.TEXT, "page 1 of " + document.getNumberOfPages());
            // Lam-alef ligatures come back as lam + alef.
            assertThat(text).contains("الاستسلام");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(article.title());

            BufferedImage page1 = new PDFRenderer(document).renderImageWithDPI(0, 110);
            ImageIO.write(page1, "png", OUT.resolve("pdf-page1.png").toFile());
            assertThat(page1.getWidth()).isGreaterThan(800);
        }
    }

    @Test
    void embedsSubsetsOfBothFonts() throws IOException {
        try (PDDocument document = Loader.loadPDF(export(List.of(TestArticles.aleppo(false))))) {
            List<String> fonts = new ArrayList<>();
            PDResources resources = document.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts.add(font.getName());
            }
            assertThat(fonts).anyMatch(n -> n.contains("NotoNaskhArabic")).anyMatch(n -> n.contains("NotoSans"));
        }
    }

    @Test
    void eachArticleStartsOnItsOwnPage() throws IOException {
        ExportedArticle first = new ExportedArticle("a1", "First", "نص عربي قصير", List.of(), "Short English text.",
                null, false, null);
        ExportedArticle failed = new ExportedArticle("a2", null, "نص آخر", List.of(), "", null, false,
                "model timed out");
        try (PDDocument document = Loader.loadPDF(export(List.of(first, failed)))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String page2 = TestArticles.fold(stripper.getText(document));
            assertThat(page2).contains("a2", "Error: model timed out", "نص آخر").doesNotContain("Short English");
            assertThat(document.getDocumentInformation().getTitle()).isNull();
        }
    }

    @Test
    void mixedLatinAndDigitsInsideArabicKeepTheirOrder() throws IOException {
        String source = "قال مسؤول في BBC News إن 25 شخصا قتلوا عام 2016.";
        ExportedArticle article = new ExportedArticle("m", "Mixed", source, List.of(), "An official said.", null,
                false, null);
        try (PDDocument document = Loader.loadPDF(export(List.of(article)))) {
            String text = TestArticles.fold(new PDFTextStripper().getText(document));
            assertThat(text).contains("BBC News", "2016", "25", "مسؤول");
        }
    }

    @Test
    void veryLongWordsAreCutToFitTheLine() throws IOException {
        String url = "https://example.org/" + "x".repeat(300);
        ExportedArticle article = new ExportedArticle("u", "Long", "رابط " + url, List.of(), "Link " + url, null,
                false, null);
        try (PDDocument document = Loader.loadPDF(export(List.of(article)))) {
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isPositive();
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).contains("x".repeat(300));
        }
    }

    private static byte[] export(List<ExportedArticle> articles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfArticleWriter().write(articles, out);
        return out.toByteArray();
    }
}
