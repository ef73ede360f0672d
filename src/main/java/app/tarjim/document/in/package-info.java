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
 *
 * <p>Uploads are hostile until read: every document is parsed within
 * {@link app.tarjim.document.in.DocumentLimits} (inflated bytes, pages, time, text) and under the one
 * {@link app.tarjim.document.in.DocumentParsingGate} of the JVM, so one file can fail but not take the
 * server down with it.
 */
package app.tarjim.document.in;
