package app.tarjim.document.out;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #16: the Arabic of an exported PDF can be searched and copied, not only read on screen. */
class PdfSearchableArabicTest {

    /**
     * PDFBox quietly turns presentation forms back into letters; pdftotext and browser viewers do not. So this
     * reads the text in PDFBox's reading order but only from glyphs whose stored Unicode is a real character:
     * a glyph that extracts as a presentation form is left out, as a search for "حلب" would never match it.
     */
    private static final class StoredTextStripper extends PDFTextStripper {
        @Override
        protected void processTextPosition(TextPosition text) {
            if (text.getUnicode().codePoints().noneMatch(PdfSearchableArabicTest::isPresentationForm)) {
                super.processTextPosition(text);
            }
        }
    }

    @Test
    void sourceWordsAndPhrasesExtractInLogicalOrder() throws IOException {
        try (PDDocument document = Loader.loadPDF(export(TestArticles.aleppo(false)))) {
            String text = new StoredTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("حلب", "فصائل المعارضة السورية في حلب", "وزير الخارجية الأميركية جون كيري",
                    "سيرغي لافروف في روما");
            // Lam-alef ligatures are one glyph standing for two letters, lam first.
            assertThat(text).contains("عروض الاستسلام", "لا سيما", "الولايات المتحدة إلى روسيا");
            // Vowel marks drawn over their letters stay with them.
            assertThat(text).contains("التمسّك بموقفها");
        }
    }

    @Test
    void everyArabicGlyphStoresLettersNotPresentationForms() throws IOException {
        try (PDDocument document = Loader.loadPDF(export(TestArticles.aleppo(false)))) {
            StringBuilder stored = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    stored.append(text.getUnicode());
                    super.processTextPosition(text);
                }
            };
            stripper.getText(document);
            assertThat(stored).isNotEmpty();
            assertThat(stored.codePoints().filter(PdfSearchableArabicTest::isPresentationForm).distinct()
                    .mapToObj(Integer::toHexString))
                    .isEmpty();
        }
    }

    @Test
    void presentationFormsBecomeTheLettersTheyShow() {
        assertThat(ArabicToUnicode.letters("\uFEA3\uFEE0\uFE90")).isEqualTo("حلب");
        assertThat(ArabicToUnicode.letters("\uFEFB")).isEqualTo("لا");
        assertThat(ArabicToUnicode.letters("\uFEF7")).isEqualTo("لأ");
        assertThat(ArabicToUnicode.letters("\uFDF2")).isEqualTo("الله");
        assertThat(ArabicToUnicode.letters("\uFE7C")).isEqualTo("\u0651"); // shadda form: the mark, no space
        assertThat(ArabicToUnicode.letters("BBC 2016 ،")).isEqualTo("BBC 2016 ،");
    }

    @Test
    void rewritingTheToUnicodeMapsLeavesTheDrawingAlone() throws IOException {
        byte[] drawn = PdfArticleWriter.draw(List.of(TestArticles.aleppo(false)));
        try (PDDocument before = Loader.loadPDF(drawn);
             PDDocument after = Loader.loadPDF(ArabicToUnicode.toLetters(drawn))) {
            assertThat(after.getNumberOfPages()).isEqualTo(before.getNumberOfPages());
            int[] expected = pixels(before);
            int[] actual = pixels(after);
            assertThat(actual).hasSameSizeAs(expected);
            assertThat(Arrays.mismatch(actual, expected)).as("first differing pixel").isEqualTo(-1);
        }
    }

    /** Page 1 holds the Arabic title and paragraphs, with lam-alef ligatures and vowel marks. */
    private static int[] pixels(PDDocument document) throws IOException {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
        return page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
    }

    private static boolean isPresentationForm(int c) {
        return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
    }

    private static byte[] export(ExportedArticle article) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfArticleWriter().write(List.of(article), out);
        return out.toByteArray();
    }
}
