package app.tarjim.engine;

import java.util.List;

/**
 * A {@link GenerationConfig} with every field decided, using Hugging Face's defaults for what is unset.
 *
 * @param maxLength total decoder length limit, decoder start token included ({@code max_new_tokens + 1} when set)
 * @param eosTokenId -1 when the model has none
 * @param padTokenId fill value after eos; HF falls back to eos
 */
record GenerationSettings(int numBeams, double lengthPenalty, EarlyStopping earlyStopping, int numReturnSequences,
                          int maxLength, int minLength, int minNewTokens, int noRepeatNgramSize,
                          double repetitionPenalty, List<long[]> badWordsIds, Long forcedBosTokenId,
                          Long forcedEosTokenId, long decoderStartTokenId, long eosTokenId, long padTokenId) {

    /** Decoder prompt length: generation starts from the single decoder start token. */
    static final int PROMPT_LENGTH = 1;

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
        int maxLength = c.maxNewTokens() != null ? c.maxNewTokens() + PROMPT_LENGTH : or(c.maxLength(), 20);
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
                numReturn, maxLength, or(c.minLength(), 0), or(c.minNewTokens(), 0), or(c.noRepeatNgramSize(), 0),
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
