package app.tarjim.article;

/** Derives an article's title from its source: the first non-blank line, whitespace collapsed, shortened. */
final class ArticleTitles {

    /** Matches the {@code article.title} column. */
    static final int MAX_LENGTH = 200;
    private static final String ELLIPSIS = "…";
    /** Cut at a word boundary only when that keeps most of the line. */
    private static final int MIN_WORD_CUT = MAX_LENGTH * 3 / 4;

    private ArticleTitles() {
    }

    static String fromSource(String source) {
        String headline = source.lines()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty())
                .findFirst()
                .orElse("");
        return shorten(headline);
    }

    private static String shorten(String line) {
        if (line.codePointCount(0, line.length()) <= MAX_LENGTH) {
            return line;
        }
        // Count code points so a cut never splits a surrogate pair.
        int end = line.offsetByCodePoints(0, MAX_LENGTH - ELLIPSIS.length());
        int space = line.lastIndexOf(' ', end);
        if (space >= MIN_WORD_CUT) {
            end = space;
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
