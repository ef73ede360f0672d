package app.tarjim.pipeline.summarize;

import java.util.Arrays;
import java.util.Locale;

/**
 * How long a summary should be, in new tokens (a BART token is about three quarters of an English word).
 * MEDIUM matches distilbart-cnn's own defaults (min_length 56, max_length 142).
 *
 * <pre>
 * preset   min new tokens  max new tokens  about
 * SHORT        20               60         2 sentences
 * MEDIUM       56              142         3-5 sentences
 * LONG        100              250         a paragraph
 * NONE         no summary
 * </pre>
 */
public enum SummaryLength {
    NONE(0, 0), SHORT(20, 60), MEDIUM(56, 142), LONG(100, 250);

    private final int minNewTokens;
    private final int maxNewTokens;

    SummaryLength(int minNewTokens, int maxNewTokens) {
        this.minNewTokens = minNewTokens;
        this.maxNewTokens = maxNewTokens;
    }

    public int minNewTokens() {
        return minNewTokens;
    }

    public int maxNewTokens() {
        return maxNewTokens;
    }

    /** Parses none, short, medium or long, any case. */
    public static SummaryLength parse(String name) {
        return Arrays.stream(values())
                .filter(length -> length.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown summary length '" + name + "'; use short, medium, long or none"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
