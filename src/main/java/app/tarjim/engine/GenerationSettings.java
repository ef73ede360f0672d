package app.tarjim.engine;

import java.util.List;

/**
 * A {@link GenerationConfig} with every field decided, using Hugging Face's defaults for what is unset and its
 * {@code _prepare_generated_length} rules: {@code max_new_tokens} replaces {@code max_length} and
 * {@code min_new_tokens} replaces {@code min_length} (plus the decoder prompt length, 1); with neither max set,
 * the limit is 20 new tokens.
 *
 * @param maxLength total decoder length limit, decoder start token included
 * @param minLength eos is banned while the decoder sequence (start token included) is shorter
 * @param eosTokenId -1 when the model has none
 * @param padTokenId fill value after eos; HF falls back to eos
 */
record GenerationSettings(int numBeams, double lengthPenalty, EarlyStopping earlyStopping, int numReturnSequences,
                          int maxLength, int minLength, int noRepeatNgramSize,
                          double repetitionPenalty, List<long[]> badWordsIds, Long forcedBosTokenId,
                          Long forcedEosTokenId, long decoderStartTokenId, long eosTokenId, long padTokenId) {

    /** Decoder prompt length: generation starts from the single decoder start token. */
    static final int PROMPT_LENGTH = 1;
    /** HF GenerationConfig's max_length default, counted as new tokens when nothing sets a limit. */
    private static final int DEFAULT_NEW_TOKENS = 20;

    static GenerationSettings resolve(GenerationConfig c) {
        int numBeams = or(c.numBeams(), 1);
        int numReturn = or(c.numReturnSequences(), 1);
        if (numBeams < 1) {
            throw new IllegalArgumentException("num_beams must be at least 1, not " + numBeams);
        }
        if (numReturn < 1 || numReturn > numBeams) {
            throw new IllegalArgumentException("num_return_sequences (" + numReturn
                    + ") must be between 1 and num_beams (" + numBeams + ")");
        }
        int maxLength = c.maxNewTokens() != null ? c.maxNewTokens() + PROMPT_LENGTH
                : c.maxLength() != null ? c.maxLength() : DEFAULT_NEW_TOKENS + PROMPT_LENGTH;
        int minLength = c.minNewTokens() != null ? c.minNewTokens() + PROMPT_LENGTH : or(c.minLength(), 0);
        if (maxLength <= PROMPT_LENGTH) {
            throw new IllegalArgumentException("max_length / max_new_tokens leave no room for a generated token");
        }
        if (c.decoderStartTokenId() == null) {
            throw new IllegalArgumentException("decoder_start_token_id is not set");
        }
        long eos = c.eosTokenId() != null ? c.eosTokenId() : -1;
        long pad = c.padTokenId() != null ? c.padTokenId() : eos;
        List<long[]> badWords = c.badWordsIds() == null ? List.of()
                : c.badWordsIds().stream().map(l -> l.stream().mapToLong(Long::longValue).toArray()).toList();
        return new GenerationSettings(numBeams, or(c.lengthPenalty(), 1.0), EarlyStopping.parse(c.earlyStopping()),
                numReturn, maxLength, minLength, or(c.noRepeatNgramSize(), 0),
                or(c.repetitionPenalty(), 1.0), badWords, c.forcedBosTokenId(), c.forcedEosTokenId(),
                c.decoderStartTokenId(), eos, pad);
    }

    boolean hasEos() {
        return eosTokenId >= 0;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
