package app.tarjim.document.in;

import java.time.Duration;

/**
 * How much work one uploaded document may make the server do. Each limit counts what is actually produced
 * (bytes inflated, pages, seconds), never sizes a file declares about itself, since a hostile file can lie.
 * A few MB of upload can otherwise expand to gigabytes in memory: a .docx whose document.xml inflated to
 * 88 MB took 2.5 GB of heap in POI, and a PDF content stream inflated to 8 GB.
 *
 * @param maxFileBytes      size of the uploaded file itself
 * @param maxPartBytes      inflated size of any one part of a .docx (document.xml, styles, images). An article
 *                          is at most ~100,000 characters; even Word's most verbose markup (formatting on every
 *                          word, tracked changes) keeps that to a few MB of XML, and POI's XML tree takes
 *                          roughly 25 times the part's size in heap, so 20 MB bounds one parse to about 0.5 GB
 * @param maxPackageBytes   inflated size of all parts of a .docx together; images are already compressed, so
 *                          a genuine file inflates to little more than its own size
 * @param maxPackageParts   entries in a .docx; real ones have tens, a few hundred with many images
 * @param maxPdfStreamBytes decoded size of all PDF streams text extraction reads (page contents, forms, fonts,
 *                          object streams) together; images are not counted because they are never decoded
 * @param maxPdfPages       pages in a PDF; a news article has a handful, a long report a few hundred
 * @param maxParseTime      wall-clock time for reading the text out of a PDF
 * @param maxTextChars      characters of extracted text; ten times the longest article the pipeline accepts,
 *                          so a merely long article still gets the pipeline's more specific message
 */
public record DocumentLimits(long maxFileBytes, long maxPartBytes, long maxPackageBytes, int maxPackageParts,
                             long maxPdfStreamBytes, int maxPdfPages, Duration maxParseTime, int maxTextChars) {

    public DocumentLimits {
        if (maxFileBytes <= 0 || maxPartBytes <= 0 || maxPackageBytes <= 0 || maxPackageParts <= 0
                || maxPdfStreamBytes <= 0 || maxPdfPages <= 0 || maxTextChars <= 0
                || maxParseTime == null || maxParseTime.isNegative() || maxParseTime.isZero()) {
            throw new IllegalArgumentException("document limits must be positive");
        }
    }

    public static DocumentLimits defaults() {
        return new DocumentLimits(20L * 1024 * 1024, 20L * 1024 * 1024, 64L * 1024 * 1024, 2_000,
                64L * 1024 * 1024, 500, Duration.ofSeconds(30), 1_000_000);
    }

    public DocumentLimits withMaxFileBytes(long bytes) {
        return new DocumentLimits(bytes, maxPartBytes, maxPackageBytes, maxPackageParts, maxPdfStreamBytes,
                maxPdfPages, maxParseTime, maxTextChars);
    }
}
