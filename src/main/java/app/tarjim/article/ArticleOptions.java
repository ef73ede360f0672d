package app.tarjim.article;

/**
 * The pipeline options of an article besides its text and summary length, stored so that the job can be run
 * again after a restart or on retry. Both null for articles stored before options were kept, and for batch
 * articles, which are stored finished.
 *
 * @param preset       the translation preset's name (e.g. {@code FAST})
 * @param glossaryCsv  the glossary as {@code arabic,english} CSV with a header row; null when empty
 * @param summaryModel the summary model's level ({@code FAST} or {@code QUALITY}); null in rows stored before it was
 *                     kept, which are summarized with the standard model
 */
record ArticleOptions(String preset, String glossaryCsv, String summaryModel) {

    static final ArticleOptions NOT_STORED = new ArticleOptions(null, null, null);

    boolean stored() {
        return preset != null;
    }
}
