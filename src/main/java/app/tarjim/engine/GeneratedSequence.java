package app.tarjim.engine;

/**
 * One generated output, as Hugging Face {@code generate()} would return it.
 *
 * @param inputIds      the encoder input ids (unpadded, with the tokenizer's special tokens)
 * @param outputIds     the whole decoder sequence, decoder start token first, eos included when produced
 * @param text          the decoded text, special tokens skipped
 * @param logProbSum    sum of the log-probabilities of the generated tokens (after logits processing)
 * @param logProbMean   {@code logProbSum} divided by the number of generated tokens; the pipeline's confidence signal
 * @param sequenceScore HF's {@code sequences_scores}: {@code logProbSum / generatedTokens ** length_penalty}
 *                      (for greedy search computed the same way; HF reports none there)
 */
public record GeneratedSequence(long[] inputIds, long[] outputIds, String text, double logProbSum, double logProbMean,
                                double sequenceScore) {

    /** Without a sequence score (NaN), for callers that build outputs themselves. */
    public GeneratedSequence(long[] inputIds, long[] outputIds, String text, double logProbSum, double logProbMean) {
        this(inputIds, outputIds, text, logProbSum, logProbMean, Double.NaN);
    }
}
