package app.tarjim.article;

import app.tarjim.document.out.ExportFormat;
import app.tarjim.document.out.ExportedArticle;
import app.tarjim.document.out.ExportedSentence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns stored articles into the document writers' input, and into files. */
public final class ArticleExports {

    private ArticleExports() {
    }

    public static ExportedArticle toExported(StoredArticle article) {
        return new ExportedArticle(article.id().toString(), article.title(), article.sourceText(), sentences(article),
                article.translationText(), article.summaryText(), article.demo(), article.errorMessage(),
                article.edited(), article.machineTranslation(), article.models().translationModel(),
                article.models().summarizerModel());
    }

    public static List<ExportedSentence> sentences(StoredArticle article) {
        return article.sentences().stream()
                .map(s -> new ExportedSentence(s.paragraphIndex(), s.source(), s.target(), s.confidence(), s.flagged(),
                        s.edited(), s.machineTarget()))
                .toList();
    }

    public static byte[] render(List<StoredArticle> articles, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.writer().write(articles.stream().map(ArticleExports::toExported).toList(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A file name made of the title's safe characters (Arabic letters kept), for downloads. */
    public static String fileName(StoredArticle article, ExportFormat format) {
        String base = article.title() == null ? "" : article.title()
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .strip()
                .replaceAll("\\s+", "-");
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        if (base.isEmpty()) {
            base = "tarjim-" + article.id().toString().substring(0, 8);
        }
        return base + "." + format.extension();
    }
}
