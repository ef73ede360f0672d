/**
 * Export of translated articles. The app maps its data into {@link app.tarjim.document.out.ExportedArticle}
 * and picks an {@link app.tarjim.document.out.ExportFormat}; each format has one
 * {@link app.tarjim.document.out.ArticleWriter}. Writers never close the stream they are given.
 */
package app.tarjim.document.out;
