package app.tarjim.document.out;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8, one row per article: id, title, source, translation, summary, error, edited (true when a
 * person edited the translation, which is then the edited text), machine_translation (the model's own), and
 * translation_model and summary_model (which models made them; empty when not known).
 *
 * <p>For Excel ({@code excel = true}) the file starts with a byte order mark, without which Excel reads
 * UTF-8 as a legacy code page and shows the Arabic as mojibake; and cells that Excel would run as a
 * formula (leading =, +, @, or - before a non-space) get a leading apostrophe, because article text
 * comes from outside.
 */
public final class CsvArticleWriter implements ArticleWriter {

    public static final List<String> HEADER = List.of("id", "title", "source", "translation", "summary", "error",
            "edited", "machine_translation", "translation_model", "summary_model");

    private final boolean excel;

    public CsvArticleWriter(boolean excel) {
        this.excel = excel;
    }

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (excel) {
            writer.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(HEADER.toArray(String[]::new)).get());
        for (ExportedArticle article : articles) {
            printer.printRecord(cell(article.id()), cell(article.title()), cell(article.sourceText()),
                    cell(article.translation()), cell(article.summary()), cell(article.error()),
                    Boolean.toString(article.edited()), cell(article.machineTranslation()),
                    cell(article.translationModel()), cell(article.summaryModel()));
        }
        printer.flush();
    }

    private String cell(String value) {
        if (value == null) {
            return "";
        }
        if (excel && looksLikeFormula(value)) {
            return "'" + value;
        }
        return value;
    }

    private static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@') {
            return true;
        }
        return first == '-' && value.length() > 1 && !Character.isWhitespace(value.charAt(1));
    }
}
