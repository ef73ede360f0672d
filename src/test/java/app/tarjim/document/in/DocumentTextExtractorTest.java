package app.tarjim.document.in;

import app.tarjim.document.out.ExportedArticle;
import app.tarjim.document.out.PdfArticleWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTextExtractorTest {

    private final DocumentTextExtractor extractor = new DocumentTextExtractor();

    @Test
    void plainTextKeepsEachLineAsAParagraphAndDropsTheBom() throws Exception {
        byte[] withBom = Fixtures.utf8("\uFEFFعنوان الخبر\r\n04 ديسمبر 2016\r\n\r\n\r\nالفقرة   الأولى.\n");
        ExtractedDocument document = extractor.extract(withBom, "news.txt");
        assertThat(document.text()).isEqualTo("عنوان الخبر\n\n04 ديسمبر 2016\n\nالفقرة الأولى.");
        assertThat(document.title()).isNull();
    }

    @Test
    void seedArticleImportsWithAllItsParagraphs() throws Exception {
        ExtractedDocument document = extractor.extract(Fixtures.seedArticle(), "aleppo.txt");
        assertThat(document.text()).startsWith("المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب\n\n04 ديسمبر 2016")
                .contains("سيرغي لافروف");
        assertThat(document.text().split("\n\n")).hasSizeGreaterThan(10);
    }

    @Test
    void invalidUtf8AndBinaryTextAreRefusedNamingTheFile() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, ' ', 'n', 'o', 'i', 'r'};
        assertThatThrownBy(() -> extractor.extract(latin1, "legacy.txt"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessageContaining("legacy.txt is not valid UTF-8").hasMessageContaining("offset 3");
        byte[] binary = {'P', 'K', 3, 4, 0, 0, 0, 0, 20, 0};
        assertThatThrownBy(() -> extractor.extract(binary, "photo.txt"))
                .isInstanceOf(DocumentImportException.class).hasMessageContaining("photo.txt looks like a binary file")
                .satisfies(e -> assertThat(((DocumentImportException) e).fileName()).isEqualTo("photo.txt"));
    }

    @Test
    void htmlKeepsTheArticleAndDropsPageFurniture() throws Exception {
        String html = """
                <html><head><title>Site name | headline</title><style>p{color:red}</style></head>
                <body><header><a href="/">الرئيسية</a><nav><ul><li>سياسة</li><li>اقتصاد</li></ul></nav></header>
                <div class="teaser"><article><p>خبر قصير آخر</p></article></div>
                <article><header><h1>العنوان <b>الرئيسي</b></h1><span>04 ديسمبر 2016</span></header>
                  <p>الفقرة الأولى <a href="#">برابط</a> داخلها.</p><script>track()</script>
                  <h2>عنوان فرعي</h2><p>الفقرة الثانية.<br>سطر بعد فاصل.</p>
                  <aside>اقرأ أيضا</aside><ul><li>نقطة أولى</li></ul>
                  <footer>حقوق النشر</footer></article>
                <footer>© الموقع</footer></body></html>""";
        ExtractedDocument document = extractor.extract(Fixtures.utf8(html), "page.html");
        assertThat(document.title()).isEqualTo("العنوان الرئيسي");
        assertThat(document.text()).isEqualTo(String.join("\n\n", List.of("العنوان الرئيسي", "04 ديسمبر 2016",
                "الفقرة الأولى برابط داخلها.", "عنوان فرعي", "الفقرة الثانية.", "سطر بعد فاصل.", "نقطة أولى")));
    }

    @Test
    void htmlWithoutArticleUsesMainAndTheTitleElement() {
        String html = "<html><head><meta charset='windows-1256'><title>عنوان الصفحة</title></head>"
                + "<body><nav>قائمة</nav><main><p>نص المقال</p></main><p>خارج</p></body></html>";
        ExtractedDocument document = new ArticleHtmlExtractor().extract(html, "https://example.org/a");
        assertThat(document.title()).isEqualTo("عنوان الصفحة");
        assertThat(document.text()).isEqualTo("نص المقال");
    }

    @Test
    void htmlBytesHonourTheDeclaredCharset() throws Exception {
        byte[] cp1256 = "<html><head><meta charset=\"windows-1256\"></head><body><p>مرحبا</p></body></html>"
                .getBytes("windows-1256");
        assertThat(extractor.extract(cp1256, "old.htm").text()).isEqualTo("مرحبا");
    }

    @Test
    void docxGivesParagraphsTableCellsAndTheTitleProperty() throws Exception {
        ExtractedDocument document = extractor.extract(Fixtures.docx(), "report.docx");
        assertThat(document.title()).isEqualTo("عنوان الوثيقة");
        assertThat(document.text()).isEqualTo(String.join("\n\n", List.of("الفقرة الأولى من المقال.",
                "Second paragraph.", "خلية أولى", "cell two", "cell three", "cell four")));
    }

    @Test
    void brokenDocxIsReportedNotThrownRaw() {
        byte[] docx = Fixtures.docx();
        assertThatThrownBy(() -> extractor.extract(Fixtures.truncated(docx, docx.length / 2), "cut.docx"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("cut.docx could not be read as a Word document (.docx): it is damaged or not a .docx file.");
        assertThatThrownBy(() -> extractor.extract(Fixtures.utf8("just text"), "fake.docx"))
                .isInstanceOf(DocumentImportException.class).hasMessageStartingWith("fake.docx could not be read");
    }

    @Test
    void pdfTextAndTitleAreExtracted() throws Exception {
        ExtractedDocument document = extractor.extract(Fixtures.latinPdf("First line of text.", "Second line."),
                "a.pdf");
        assertThat(document.title()).isEqualTo("PDF title");
        assertThat(document.text()).contains("First line of text.", "Second line.");
    }

    @Test
    void arabicFromOurOwnPdfExportComesBackInReadingOrder() throws Exception {
        ExportedArticle article = new ExportedArticle("x", "عنوان", "جددت فصائل المعارضة السورية في حلب التمسك بموقفها",
                List.of(), "The opposition factions renewed their stance.", null, false, null);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        new PdfArticleWriter().write(article, pdf);
        String text = Normalizer.normalize(extractor.extract(pdf.toByteArray(), "export.pdf").text(),
                Normalizer.Form.NFKC);
        assertThat(text).contains("جددت فصائل المعارضة السورية في حلب التمسك بموقفها",
                "The opposition factions renewed their stance.");
    }

    @Test
    void brokenAndTextlessPdfsGetClearMessages() {
        assertThatThrownBy(() -> extractor.extract(Fixtures.pdfWithoutText(), "scan.pdf"))
                .isInstanceOf(DocumentImportException.class).hasMessageContaining("scan.pdf has no text layer (scanned?)");
        assertThatThrownBy(() -> extractor.extract(Fixtures.utf8("This is really a text file"), "notes.pdf"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("notes.pdf could not be read as a PDF: it is damaged or not a PDF file.");
        byte[] pdf = Fixtures.latinPdf("Some text");
        assertThatThrownBy(() -> extractor.extract(Fixtures.truncated(pdf, 60), "cut.pdf"))
                .isInstanceOf(DocumentImportException.class).hasMessageStartingWith("cut.pdf could not be read as a PDF");
    }

    @Test
    void unknownTypesListWhatIsSupportedAndContentTypeIsAFallback() throws Exception {
        assertThatThrownBy(() -> extractor.extract(Fixtures.utf8("x"), "slides.pptx"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("slides.pptx is not a supported file type. Supported: .txt, .html, .htm, .docx, .pdf.");
        assertThat(extractor.extract(Fixtures.utf8("<p>نص</p>"), "upload", "text/html; charset=UTF-8").text())
                .isEqualTo("نص");
        assertThat(extractor.extract(Fixtures.utf8("نص"), "NOTES.TXT", "application/octet-stream").text())
                .isEqualTo("نص");
    }

    @Test
    void sizeLimitAndEmptyFilesAreEnforced() {
        DocumentTextExtractor small = new DocumentTextExtractor(10);
        assertThatThrownBy(() -> small.extract(Fixtures.utf8("more than ten bytes"), "big.txt"))
                .isInstanceOf(DocumentImportException.class).hasMessage("big.txt is 19 bytes; the limit is 10 bytes.");
        assertThatThrownBy(() -> extractor.extract(new byte[0], "empty.txt"))
                .isInstanceOf(DocumentImportException.class).hasMessage("empty.txt is empty.");
        assertThatThrownBy(() -> extractor.extract(Fixtures.utf8(" \n\n "), "blank.txt"))
                .isInstanceOf(DocumentImportException.class).hasMessage("blank.txt contains no text.");
    }
}
