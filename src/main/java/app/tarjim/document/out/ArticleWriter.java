package app.tarjim.document.out;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes articles in one file format. The stream is flushed but not closed: the caller owns it. */
public interface ArticleWriter {

    void write(List<ExportedArticle> articles, OutputStream out) throws IOException;

    default void write(ExportedArticle article, OutputStream out) throws IOException {
        write(List.of(article), out);
    }
}
