package app.tarjim.document.out;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON Lines: one object per article with the fields of {@link ExportedArticle}, sentences included, so
 * {@code new ObjectMapper().readValue(line, ExportedArticle.class)} reads a line back.
 */
public final class JsonlArticleWriter implements ArticleWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Iterable<ExportedArticle> articles, OutputStream out) throws IOException {
        for (ExportedArticle article : articles) {
            // Serialised to bytes first so the mapper never closes or half-writes the caller's stream.
            out.write(MAPPER.writeValueAsBytes(article));
            out.write('\n');
        }
        out.flush();
    }
}
