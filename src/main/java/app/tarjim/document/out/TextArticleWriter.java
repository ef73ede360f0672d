package app.tarjim.document.out;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plain UTF-8 text for pasting elsewhere: per article the title, the English translation, then the summary. */
public final class TextArticleWriter implements ArticleWriter {

    static final String SEPARATOR = "=".repeat(60);

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        boolean first = true;
        for (ExportedArticle article : articles) {
            if (!first) {
                writer.write("\n" + SEPARATOR + "\n\n");
            }
            first = false;
            writer.write(article.displayTitle().strip() + "\n\n");
            if (article.demo()) {
                writer.write("[" + DemoNotice.TEXT + "]\n\n");
            }
            if (article.hasError()) {
                writer.write("Error: " + article.error().strip() + "\n\n");
            }
            List<String> paragraphs = AlignedParagraph.of(article).stream()
                    .map(AlignedParagraph::target).filter(t -> !t.isBlank()).toList();
            writer.write(String.join("\n\n", paragraphs));
            writer.write("\n");
            if (article.hasSummary()) {
                writer.write("\nSummary:\n" + article.summary().strip() + "\n");
            }
        }
        writer.flush();
    }
}
