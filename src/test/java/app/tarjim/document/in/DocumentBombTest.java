package app.tarjim.document.in;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents built to exhaust the server are refused quickly, in little memory, one document at a time. */
class DocumentBombTest {

    private static final long MB = 1024 * 1024;
    private static final String DOCX_REFUSED =
            "bomb.docx expands to more than 20.0 MB when opened; it was refused to protect the server.";

    /** A .docx of 3.4 MB whose document.xml inflates to 90 MB (3.5%, so POI's own ratio check lets it pass). */
    private static byte[] docxBomb;

    private final DocumentTextExtractor extractor = new DocumentTextExtractor();

    @BeforeAll
    static void buildTheBombOnce() {
        docxBomb = Bombs.docx(90);
    }

    @Test
    void docxWhoseDocumentXmlInflatesTo90MbIsRefusedFastAndInLittleMemory() {
        byte[] bomb = docxBomb;
        assertThat(bomb.length).as("compressed size").isLessThan((int) (4 * MB));
        long allocatedBefore = allocatedByThisThread();
        long start = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(bomb, "bomb.docx"))
                .isInstanceOf(DocumentImportException.class).hasMessage(DOCX_REFUSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // Counting 20 MB through a fixed buffer, not POI's XML tree of the part (2.5 GB for 88 MB).
        assertThat(allocatedByThisThread() - allocatedBefore).isLessThan(64 * MB);
    }

    @Test
    void docxPartLimitIsConfigurable() {
        byte[] docx = Bombs.docx(2);
        DocumentLimits small = new DocumentLimits(20 * MB, MB, 64 * MB, 100, 64 * MB, 10, Duration.ofSeconds(5), 1000);
        assertThatThrownBy(() -> new DocumentTextExtractor(small, DocumentParsingGate.shared()).extract(docx, "a.docx"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("a.docx expands to more than 1.0 MB when opened; it was refused to protect the server.");
    }

    @Test
    void extractedTextIsCapped() {
        byte[] docx = Bombs.docx(1);
        DocumentLimits small = new DocumentLimits(20 * MB, 20 * MB, 64 * MB, 100, 64 * MB, 10,
                Duration.ofSeconds(5), 10_000);
        assertThatThrownBy(() -> new DocumentTextExtractor(small, DocumentParsingGate.shared()).extract(docx, "a.docx"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("a.docx holds more than 10000 characters of text; it was refused to protect the server.");
    }

    @Test
    void pdfWhoseContentStreamInflatesPastTheBudgetIsRefusedFast() {
        byte[] bomb = Bombs.pdf(100);
        assertThat(bomb.length).as("compressed size").isLessThan((int) MB);
        long start = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(bomb, "bomb.pdf"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("bomb.pdf expands to more than 64.0 MB when opened; it was refused to protect the server.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void pdfWithADamagedStreamBesideItsTextIsStillRead() throws Exception {
        // Measuring streams must not make PDFBox stricter: it reads around broken streams it does not need.
        ExtractedDocument document = extractor.extract(Bombs.pdfWithDamagedStream("Body text"), "odd.pdf");
        assertThat(document.text()).isEqualTo("Body text");
    }

    @Test
    void pdfDrawingOneFormMillionsOfTimesStopsAtTheDeadline() {
        byte[] bomb = Bombs.pdfOfNestedForms(7, 10);
        assertThat(bomb.length).isLessThan(10_000);
        DocumentLimits oneSecond = new DocumentLimits(20 * MB, 20 * MB, 64 * MB, 100, 64 * MB, 10,
                Duration.ofSeconds(1), 100_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new DocumentTextExtractor(oneSecond, DocumentParsingGate.shared()).extract(bomb, "forms.pdf"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("forms.pdf took longer than 1 second to read; it was refused to protect the server.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void pdfShowingMoreGlyphsThanTheTextLimitIsRefusedWhileReading() {
        byte[] bomb = Bombs.pdfOfNestedForms(4, 10); // 10,000 glyphs
        DocumentLimits small = new DocumentLimits(20 * MB, 20 * MB, 64 * MB, 100, 64 * MB, 10,
                Duration.ofSeconds(30), 1000);
        assertThatThrownBy(() -> new DocumentTextExtractor(small, DocumentParsingGate.shared()).extract(bomb, "forms.pdf"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("forms.pdf holds more than 1000 characters of text; it was refused to protect the server.");
        // 100 glyphs drawn on top of each other are within the glyph allowance and come out as one letter.
        assertThat(Bombs.pdfOfNestedForms(2, 10)).satisfies(fine -> assertThat(
                new DocumentTextExtractor(small, DocumentParsingGate.shared()).extract(fine, "fine.pdf").text())
                .isEqualTo("x"));
    }

    @Test
    void batchZipWithADocxOverPoisOwnCapReportsThatEntryAndKeepsTheRest() throws Exception {
        // 110 MB is past POI's 100 MB entry cap, where POI throws an unchecked exception (once a 500).
        byte[] zip = Fixtures.zip(Fixtures.entries("bomb.docx", Bombs.docx(110), "good.txt", "نص جيد"));
        BatchInput input = new BatchInputReader().read(zip, "batch.zip");
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("good");
        assertThat(input.problems()).extracting(BatchProblem::describe)
                .containsExactly("bomb.docx: " + DOCX_REFUSED);
    }

    @Test
    void eightBombsInParallelAreAllRefusedAndTheNextDocumentStillOpens() throws Exception {
        byte[] bomb = docxBomb;
        DocumentTextExtractor gated = new DocumentTextExtractor(DocumentLimits.defaults(),
                new DocumentParsingGate(2, Duration.ofSeconds(60)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    try {
                        gated.extract(bomb, "bomb.docx");
                        return "accepted";
                    } catch (DocumentImportException e) {
                        return e.getMessage();
                    }
                }));
            }
            for (Future<String> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(DOCX_REFUSED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(gated.extract(Fixtures.docx(), "fine.docx").title()).isEqualTo("عنوان الوثيقة");
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
