package app.tarjim.document.out;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV, JSONL, Markdown and plain text exports, each parsed back. */
class TextFormatWritersTest {

    private final ExportedArticle aleppo = TestArticles.aleppo(false);
    private final ExportedArticle tricky = new ExportedArticle("t-2", "Quotes, \"commas\"\nand lines",
            "سطر أول\n\nسطر \"ثان\", مع فاصلة", List.of(), "=HYPERLINK(\"x\")\n\nSecond line", "Short summary.",
            true, "partial failure");

    @Test
    void csvRoundTripsThroughCommonsCsvIncludingQuotesAndNewlines() throws IOException {
        byte[] bytes = write(new CsvArticleWriter(false), List.of(aleppo, tricky));
        assertThat(bytes[0]).as("no BOM unless asked for").isEqualTo((byte) 'i');
        try (CSVParser parser = CSVParser.parse(new String(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CsvArticleWriter.HEADER);
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).get("source")).isEqualTo(aleppo.sourceText());
            assertThat(records.get(0).get("summary")).isEqualTo(TestArticles.SUMMARY);
            assertThat(records.get(0).get("error")).isEmpty();
            assertThat(records.get(1).get("title")).isEqualTo(tricky.title());
            assertThat(records.get(1).get("source")).isEqualTo(tricky.sourceText());
            assertThat(records.get(1).get("translation")).isEqualTo(tricky.translation());
            assertThat(records.get(1).get("error")).isEqualTo("partial failure");
        }
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void excelCsvStartsWithBomAndDefusesFormulas() throws IOException {
        byte[] bytes = write(new CsvArticleWriter(true), List.of(tricky));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().get())) {
            CSVRecord record = parser.getRecords().get(0);
            assertThat(record.get("translation")).isEqualTo("'" + tricky.translation());
            assertThat(record.get("source")).isEqualTo(tricky.sourceText());
        }
    }

    @Test
    void jsonlHasOneArticlePerLineThatJacksonReadsBack() throws IOException {
        String jsonl = new String(write(new JsonlArticleWriter(), List.of(aleppo, tricky)), StandardCharsets.UTF_8);
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        ExportedArticle first = mapper.readValue(lines.get(0), ExportedArticle.class);
        assertThat(first).isEqualTo(aleppo);
        assertThat(first.sentences()).hasSizeGreaterThan(10);
        assertThat(mapper.readTree(lines.get(0)).get("sentences").get(0).get("target").asText())
                .isEqualTo("English sentence 1.");
        assertThat(mapper.readValue(lines.get(1), ExportedArticle.class)).isEqualTo(tricky);
    }

    @Test
    void markdownQuotesTheArabicThenGivesTheEnglishPerParagraph() throws IOException {
        String markdown = new String(write(new MarkdownArticleWriter(), List.of(aleppo, tricky)),
                StandardCharsets.UTF_8);
        List<String> lines = TestArticles.aleppoLines();
        assertThat(markdown).startsWith("# " + lines.get(0) + "\n\n## Summary\n\n" + TestArticles.SUMMARY);
        assertThat(markdown).contains("> " + lines.get(1) + "\n\nEnglish sentence 1.\n\n");
        String fourthTranslation = aleppo.sentences().stream().filter(s -> s.paragraph() == 3).findFirst()
                .orElseThrow().target();
        assertThat(markdown.indexOf("> " + lines.get(4))).isPositive()
                .isLessThan(markdown.indexOf(fourthTranslation));
        // Second article: separated, notices, and text that looks like markup is escaped.
        String second = markdown.substring(markdown.indexOf("\n---\n"));
        assertThat(second).contains("# Quotes, \"commas\" and lines", "> **" + DemoNotice.TEXT + "**",
                "**Error:** partial failure", "> سطر أول", "\\=HYPERLINK");
    }

    @Test
    void plainTextGivesTranslationThenSummary() throws IOException {
        String text = new String(write(new TextArticleWriter(), List.of(aleppo, tricky)), StandardCharsets.UTF_8);
        String first = text.substring(0, text.indexOf(TextArticleWriter.SEPARATOR));
        assertThat(first).startsWith(aleppo.title() + "\n\nEnglish sentence 1.\n\nEnglish sentence 2.")
                .doesNotContain("المعارضة السورية")
                .endsWith("Summary:\n" + TestArticles.SUMMARY + "\n\n");
        String last = aleppo.sentences().get(aleppo.sentences().size() - 1).target();
        assertThat(first.indexOf(last)).isPositive().isLessThan(first.indexOf("Summary:"));
        String second = text.substring(text.indexOf(TextArticleWriter.SEPARATOR));
        assertThat(second).contains(DemoNotice.TEXT, "Error: partial failure", "=HYPERLINK(\"x\")\n\nSecond line");
    }

    @Test
    void writersLeaveTheCallersStreamOpen() throws IOException {
        for (ExportFormat format : ExportFormat.values()) {
            ClosingDetector out = new ClosingDetector();
            format.writer().write(tricky, out);
            assertThat(out.closed).as(format.name()).isFalse();
            assertThat(out.size()).as(format.name()).isPositive();
        }
    }

    private static byte[] write(ArticleWriter writer, List<ExportedArticle> articles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(articles, out);
        return out.toByteArray();
    }

    private static final class ClosingDetector extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

}
