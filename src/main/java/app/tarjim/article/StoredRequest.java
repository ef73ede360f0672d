package app.tarjim.article;

import java.util.UUID;

/** What is needed to run an article's job again: its text and options as stored. */
record StoredRequest(UUID id, String owner, String sourceText, String summaryLength, ArticleOptions options) {
}
