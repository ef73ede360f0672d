package app.tarjim.pipeline.input;

/**
 * @param maxCharacters   longest accepted input, in Unicode code points
 * @param minArabicShare  share of letters that must be Arabic, 0..1
 */
public record InputLimits(int maxCharacters, double minArabicShare) {

    /** 100,000 characters (a long feature is about 30,000); at least half the letters Arabic. */
    public static final InputLimits DEFAULT = new InputLimits(100_000, 0.5);

    public InputLimits {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be positive");
        }
        if (minArabicShare < 0 || minArabicShare > 1) {
            throw new IllegalArgumentException("minArabicShare must lie in [0, 1]");
        }
    }
}
