package app.tarjim.document.in;

/**
 * Bounds on what one batch input may make us read. ZIP limits count bytes actually decompressed, never the
 * sizes an archive declares, since a hostile archive can lie about them.
 *
 * @param maxInputBytes              size of the uploaded batch file itself
 * @param maxItems                   articles taken from one batch; the rest is reported and not read
 * @param maxCharsPerItem            an article longer than this is reported instead of imported
 * @param maxZipEntries              entries (files and folders) an archive may list
 * @param maxZipEntryBytes           decompressed size of one entry; bigger entries are reported and skipped
 * @param maxZipTotalBytes           decompressed size of all entries together; past it the archive is refused
 */
public record BatchLimits(long maxInputBytes, int maxItems, int maxCharsPerItem, int maxZipEntries,
                          long maxZipEntryBytes, long maxZipTotalBytes) {

    public BatchLimits {
        if (maxInputBytes <= 0 || maxItems <= 0 || maxCharsPerItem <= 0 || maxZipEntries <= 0
                || maxZipEntryBytes <= 0 || maxZipTotalBytes <= 0) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
    }

    /** Sized for batches of thousands of news articles (a few KB each). */
    public static BatchLimits defaults() {
        return new BatchLimits(200L * 1024 * 1024, 10_000, 200_000, 20_000,
                20L * 1024 * 1024, 1024L * 1024 * 1024);
    }
}
