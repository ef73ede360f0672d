package app.tarjim.document.out;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Markdown: title, notices, summary, then each paragraph as the Arabic in a blockquote followed by the
 * English. Articles are separated by a horizontal rule.
 */
public final class MarkdownArticleWriter implements ArticleWriter {

    // Line starts that Markdown would turn into headings, quotes, lists, rules or tables.
    private static final Pattern BLOCK_SYMBOL = Pattern.compile("^(\\s*)([#>+\\-=|])", Pattern.MULTILINE);
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\s*\\d+)([.)])", Pattern.MULTILINE);

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        boolean first = true;
        for (ExportedArticle article : articles) {
            if (!first) {
                writer.write("\n---\n\n");
            }
            first = false;
            writeArticle(article, writer);
        }
        writer.flush();
    }

    private static void writeArticle(ExportedArticle article, Writer writer) throws IOException {
        writer.write("# " + inline(article.displayTitle()) + "\n\n");
        if (article.demo()) {
            writer.write("> **" + DemoNotice.TEXT + "**\n\n");
        }
        if (article.hasError()) {
            writer.write("**Error:** " + inline(article.error()) + "\n\n");
        }
        if (article.hasSummary()) {
            writer.write("## Summary\n\n" + escape(article.summary().strip()) + "\n\n");
        }
        writer.write("## Translation\n\n");
        for (AlignedParagraph paragraph : AlignedParagraph.of(article)) {
            if (!paragraph.source().isBlank()) {
                writer.write(quote(escape(paragraph.source())) + "\n\n");
            }
            if (!paragraph.target().isBlank()) {
                writer.write(escape(paragraph.target()) + "\n\n");
            }
        }
    }

    private static String quote(String text) {
        return "> " + text.strip().replace("\n", "\n> ");
    }

    private static String inline(String text) {
        return escape(text.replaceAll("\\s*\\R\\s*", " ").strip());
    }

    /** Article text is data, not markup: neutralise block syntax at line starts and inline emphasis. */
    private static String escape(String text) {
        String inlineSafe = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("<", "&lt;").replace("[", "\\[");
        String blockSafe = BLOCK_SYMBOL.matcher(inlineSafe).replaceAll("$1\\\\$2");
        return ORDERED_LIST.matcher(blockSafe).replaceAll("$1\\\\$2");
    }
}
