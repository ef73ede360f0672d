package app.tarjim.document.out;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes articles in one file format. The stream is flushed but not closed: the caller owns it. Articles are
 * taken one at a time from the iterable, so a large export can be read page by page while the text formats
 * stream out (DOCX and PDF build their document in memory first).
 */
public interface ArticleWriter {

    void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException;

    default void write(ExportedArticle article, OutputStream out) throws IOException {
        write(List.of(article), out);
    }
}
