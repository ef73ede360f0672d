package app.tarjim.batch;

import app.tarjim.article.StoredArticle;

import java.util.Optional;

/** One item with its stored article (when DONE), for exports. */
public record BatchResult(BatchItemView item, String sourceText, Optional<StoredArticle> article) {
}
