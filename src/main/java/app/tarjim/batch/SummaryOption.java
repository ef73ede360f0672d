package app.tarjim.batch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Summary length asked for a whole batch; stored by name on the job and on each article. */
public enum SummaryOption {
    SHORT, MEDIUM, LONG, NONE;

    /** Parses {@code short|medium|long|none} in any case; null or blank means SHORT. */
    public static SummaryOption parse(String value) {
        if (value == null || value.isBlank()) {
            return SHORT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown summary length '" + value + "'. Use one of: " + choices() + ".");
        }
    }

    public static String choices() {
        return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
