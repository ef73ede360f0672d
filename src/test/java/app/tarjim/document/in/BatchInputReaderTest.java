package app.tarjim.document.in;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchInputReaderTest {

    private final BatchInputReader reader = new BatchInputReader();

    private static BatchLimits limits(int maxItems, int maxChars, int maxEntries, long maxEntryBytes, long maxTotal) {
        return new BatchLimits(10L * 1024 * 1024, maxItems, maxChars, maxEntries, maxEntryBytes, maxTotal);
    }

    // ---- ZIP ----

    @Test
    void zipReadsEveryDocumentTypeAndSkipsFoldersAndHiddenFiles() throws Exception {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "batch/", new byte[0],
                "batch/a-1.txt", "نص المقال الأول",
                "batch/sub/b.html", "<html><body><article><h1>عنوان</h1><p>نص ثان</p></article></body></html>",
                "c.docx", Fixtures.docx(),
                "d.pdf", Fixtures.latinPdf("PDF body"),
                "__MACOSX/batch/._a-1.txt", new byte[] {0, 5, 22, 7},
                ".DS_Store", new byte[] {0, 0, 0, 1},
                "batch/~$c.docx", new byte[] {1}));
        BatchInput input = reader.read(zip, "articles.zip");
        assertThat(input.problems()).isEmpty();
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("a-1", "b", "c", "d");
        assertThat(input.items().get(0)).isEqualTo(new BatchItem("a-1", null, "نص المقال الأول", "batch/a-1.txt"));
        assertThat(input.items().get(1).title()).isEqualTo("عنوان");
        assertThat(input.items().get(2).title()).isEqualTo("عنوان الوثيقة");
        assertThat(input.items().get(3).text()).isEqualTo("PDF body");
    }

    @Test
    void zipEntriesWithUnsafeNamesAreRefusedWhileGoodOnesProceed() throws Exception {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "../escape.txt", "x",
                "batch/../../etc/passwd.txt", "x",
                "/etc/absolute.txt", "x",
                "C:\\Windows\\win.txt", "x",
                "ok.txt", "نص سليم"));
        BatchInput input = reader.read(zip, "evil.zip");
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("ok");
        assertThat(input.problems()).extracting(BatchProblem::sourceName).containsExactly(
                "../escape.txt", "batch/../../etc/passwd.txt", "/etc/absolute.txt",
                // commons-compress reports names from DOS-made entries with '/' separators
                "C:/Windows/win.txt");
        assertThat(input.problems()).allSatisfy(p -> assertThat(p.message()).contains("unsafe entry name"));
    }

    @Test
    void zipWithTooManyEntriesIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i + ".txt", Fixtures.utf8("نص"));
        }
        BatchInputReader strict = new BatchInputReader(limits(100, 1000, 10, 1024, 10_000));
        assertThatThrownBy(() -> strict.read(Fixtures.zip(entries), "many.zip"))
                .isInstanceOf(BatchInputException.class).hasMessage("many.zip has 11 entries; the limit is 10.");
    }

    @Test
    void zipBombIsStoppedByCountingDecompressedBytes() {
        // 5 entries of 900 KB of spaces compress to almost nothing; together they pass the 4 MB total.
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("bomb" + i + ".txt", Fixtures.utf8("نص " + " ".repeat(900_000)));
        }
        byte[] zip = Fixtures.zip(entries);
        assertThat(zip.length).isLessThan(30_000);
        BatchInputReader strict = new BatchInputReader(limits(100, 2_000_000, 100, 1024 * 1024, 4L * 1024 * 1024));
        assertThatThrownBy(() -> strict.read(zip, "bomb.zip"))
                .isInstanceOf(BatchInputException.class)
                .hasMessage("bomb.zip unpacks to more than 4.0 MB; the archive was refused.");
    }

    @Test
    void oversizedEntryIsSkippedEvenWhenItsHeadersClaimItIsSmall() throws Exception {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "big.txt", "كبير" + " ".repeat(300_000),
                "small.txt", "صغير"));
        lieAboutUncompressedSizes(zip, 10);
        BatchInputReader strict = new BatchInputReader(limits(100, 1_000_000, 100, 100_000, 10_000_000));
        BatchInput input = strict.read(zip, "lying.zip");
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("small");
        assertThat(input.problems()).singleElement().satisfies(p -> {
            assertThat(p.sourceName()).isEqualTo("big.txt");
            assertThat(p.lineNumber()).isZero();
            assertThat(p.message()).isEqualTo("larger than 97.7 KB when unpacked; skipped");
        });
    }

    @Test
    void brokenAndUnsupportedEntriesAreProblemsNotFailures() throws Exception {
        byte[] docx = Fixtures.docx();
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "cut.docx", Fixtures.truncated(docx, docx.length / 3),
                "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                "empty.txt", "  ",
                "good.txt", "نص جيد"));
        BatchInput input = reader.read(zip, "mixed.zip");
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("good");
        assertThat(input.problems()).extracting(BatchProblem::describe).containsExactly(
                "cut.docx: cut.docx could not be read as a Word document (.docx): it is damaged or not a .docx file.",
                "photo.png: not a supported file type; supported: .txt, .html, .htm, .docx, .pdf",
                "empty.txt: empty.txt contains no text.");
    }

    @Test
    void notAZipIsRefusedAsAWhole() {
        assertThatThrownBy(() -> reader.read(Fixtures.utf8("id,title,text"), "fake.zip"))
                .isInstanceOf(BatchInputException.class).hasMessage("fake.zip is not a readable ZIP archive.");
    }

    // ---- CSV ----

    @Test
    void csvColumnsInAnyOrderWithQuotedMultilineText() throws Exception {
        String csv = "\uFEFFText,ID,Title,extra\r\n"
                + "\"سطر أول\nسطر ثان, مع فاصلة\",n1,\"عنوان \"\"مقتبس\"\"\",x\r\n"
                + "نص ثالث,n2,,y\r\n";
        BatchInput input = reader.read(Fixtures.utf8(csv), "in.csv");
        assertThat(input.problems()).isEmpty();
        assertThat(input.items()).containsExactly(
                new BatchItem("n1", "عنوان \"مقتبس\"", "سطر أول\nسطر ثان, مع فاصلة", "in.csv line 2"),
                new BatchItem("n2", null, "نص ثالث", "in.csv line 4"));
    }

    @Test
    void malformedCsvLineInTheMiddleIsReportedAndTheRestProceeds() throws Exception {
        String csv = String.join("\n",
                "id,title,text",
                "1,One,\"first\ncontinues here\"",
                "2,Two,\"bad \"quote\" inside\"",
                "3,Three,third",
                "4,Four,",
                "5,Five",
                "6,Six,\"never closed",
                "7,Seven,seventh",
                "");
        BatchInput input = reader.read(Fixtures.utf8(csv), "batch.csv");
        assertThat(input.items()).extracting(BatchItem::id, BatchItem::sourceName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "batch.csv line 2"),
                org.assertj.core.groups.Tuple.tuple("3", "batch.csv line 5"),
                org.assertj.core.groups.Tuple.tuple("7", "batch.csv line 9"));
        assertThat(input.problems()).extracting(BatchProblem::lineNumber).containsExactly(4L, 6L, 7L, 8L);
        assertThat(input.problems().get(0).describe()).startsWith("batch.csv line 4: malformed CSV record");
        assertThat(input.problems().get(1).message()).isEqualTo("article '4' has no text");
        assertThat(input.problems().get(2).message()).startsWith("expected at least 3 fields, found 2");
        assertThat(input.problems().get(3).message()).startsWith("malformed CSV record");
    }

    @Test
    void csvWithoutTheRequiredHeaderIsRefused() {
        assertThatThrownBy(() -> reader.read(Fixtures.utf8("id,body\n1,x\n"), "noheader.csv"))
                .isInstanceOf(BatchInputException.class)
                .hasMessage("noheader.csv needs a header row with the columns id, title, text (in any order); "
                        + "missing: title, text.");
    }

    @Test
    void itemAndCharacterLimitsAndDuplicateIdsAreProblems() throws Exception {
        String csv = "id,title,text\na,,short\nb,," + "x".repeat(50) + "\na,,again\nc,,fine\nd,,late\n";
        BatchInput input = new BatchInputReader(limits(2, 20, 10, 100, 1000)).read(Fixtures.utf8(csv), "l.csv");
        assertThat(input.items()).extracting(BatchItem::id).containsExactly("a", "c");
        assertThat(input.problems()).extracting(BatchProblem::describe).containsExactly(
                "l.csv line 3: article 'b' has 50 characters; the limit is 20",
                "l.csv line 4: duplicate id 'a'; only the first is kept",
                "l.csv line 6: batch limit of 2 articles reached; this and everything after it was not read");
    }

    // ---- JSONL ----

    @Test
    void jsonlBadLinesAreReportedWithLineNumbers() throws Exception {
        String jsonl = String.join("\n",
                "{\"id\":\"a\",\"title\":\"عنوان\",\"text\":\"نص أول\"}",
                "",
                "{\"id\":\"b\",\"text\":\"نص ثان\"",
                "{\"id\":42,\"title\":null,\"text\":\"نص ثالث\"}",
                "[1,2]",
                "{\"id\":\"c\",\"title\":\"بلا نص\"}",
                "   ",
                "{\"id\":\"d\",\"title\":\"t\",\"text\":\"نص رابع\"}");
        BatchInput input = reader.read(Fixtures.utf8(jsonl), "batch.ndjson");
        assertThat(input.items()).containsExactly(
                new BatchItem("a", "عنوان", "نص أول", "batch.ndjson line 1"),
                new BatchItem("42", null, "نص ثالث", "batch.ndjson line 4"),
                new BatchItem("d", "t", "نص رابع", "batch.ndjson line 8"));
        assertThat(input.problems()).extracting(BatchProblem::lineNumber).containsExactly(3L, 5L, 6L);
        assertThat(input.problems().get(0).message()).startsWith("not valid JSON");
        assertThat(input.problems().get(2).message()).startsWith("missing \"text\"");
    }

    // ---- format choice ----

    @Test
    void formatComesFromTheExtensionOrAnExplicitChoice() throws Exception {
        byte[] jsonl = Fixtures.utf8("{\"id\":\"a\",\"text\":\"نص\"}\n");
        assertThat(reader.read(jsonl, "upload.bin", BatchFormat.JSONL).items()).hasSize(1);
        assertThat(reader.read(jsonl, "UPLOAD.JSONL").items()).hasSize(1);
        assertThatThrownBy(() -> reader.read(jsonl, "upload.xlsx"))
                .isInstanceOf(BatchInputException.class)
                .hasMessage("upload.xlsx is not a supported batch file. Supported: .zip, .csv, .jsonl, .ndjson.");
        assertThatThrownBy(() -> reader.read(new byte[] {(byte) 0xFF, 'a'}, "bad.csv"))
                .isInstanceOf(BatchInputException.class).hasMessageContaining("bad.csv is not valid UTF-8");
        assertThat(List.of(BatchFormat.values())).hasSize(3);
    }

    /** Rewrites every local and central header's uncompressed size, as a hostile archive would. */
    private static void lieAboutUncompressedSizes(byte[] zip, int claimed) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x04034b50 && i + 26 <= zip.length) {
                boolean sizesInDescriptor = (buffer.getShort(i + 6) & 0x08) != 0;
                if (!sizesInDescriptor) {
                    buffer.putInt(i + 22, claimed);
                }
            } else if (signature == 0x02014b50 && i + 28 <= zip.length) {
                buffer.putInt(i + 24, claimed);
            } else if (signature == 0x08074b50 && i + 16 <= zip.length) {
                buffer.putInt(i + 12, claimed);
            }
        }
    }
}
