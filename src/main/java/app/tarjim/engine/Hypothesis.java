package app.tarjim.engine;

/**
 * One finished output of a search.
 *
 * @param tokens     decoder ids, start token first, eos included when produced
 * @param logProbSum sum of the log-probabilities of the generated tokens, after logits processing
 * @param score      HF's {@code sequences_scores}: logProbSum / generated ** length_penalty
 */
record Hypothesis(long[] tokens, double logProbSum, double score) {

    int generatedTokens() {
        return tokens.length - GenerationSettings.PROMPT_LENGTH;
    }
}
