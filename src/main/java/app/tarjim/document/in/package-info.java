/**
 * Import: {@link app.tarjim.document.in.DocumentTextExtractor} for single files (.txt, .html, .docx,
 * .pdf), {@link app.tarjim.document.in.ArticleHtmlExtractor} for fetched web pages and
 * {@link app.tarjim.document.in.BatchInputReader} for ZIP, CSV and JSONL batches.
 *
 * <p>{@link app.tarjim.document.in.UrlArticleFetcher} fetches article pages by URL: one deadline for the
 * whole fetch, cancellable, and connecting only to addresses {@code AddressGuard} looked up and checked.
 *
 * <p>Text extracted from PDFs is only as good as the PDF's text layer: Arabic set by some producers comes
 * back in visual order or as presentation forms, and words may be split or merged. PDFBox reorders and
 * normalises what it can; prefer .docx, .html or .txt sources when the Arabic matters.
 */
package app.tarjim.document.in;
