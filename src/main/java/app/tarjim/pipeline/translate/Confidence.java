package app.tarjim.pipeline.translate;

import app.tarjim.engine.GeneratedSequence;

/**
 * Turns the model's mean log-probability per generated token into a confidence in [0, 1]:
 * {@code exp(logProbMean)}, the geometric mean of the token probabilities. 1 means every token was
 * certain; 0.5 means the model gave its chosen tokens even odds on average. Good opus-mt translations of
 * news sentences sit around 0.6 to 0.9; garbled ones (unknown names, broken input) fall under 0.5, which is
 * why 0.5 is the default threshold for flagging.
 */
public final class Confidence {

    public static final double DEFAULT_THRESHOLD = 0.5;

    private Confidence() {
    }

    public static double of(GeneratedSequence sequence) {
        return fromLogProbMean(sequence.logProbMean());
    }

    public static double fromLogProbMean(double logProbMean) {
        if (Double.isNaN(logProbMean)) {
            return 0;
        }
        return Math.exp(Math.min(0, logProbMean));
    }
}
