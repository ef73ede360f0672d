package app.tarjim.article;

/** What a share link opens: the link itself and the finished article behind it. */
public record SharedArticle(ShareLink link, StoredArticle article) {
}
