package app.tarjim.engine;

import java.util.List;

/**
 * Generation settings with Hugging Face names and semantics. Every field is nullable: null means
 * "not set here", so a per-call override can be laid over the model's defaults with {@link #overriddenBy}.
 * {@code earlyStopping} is "true", "false" or "never", as in Hugging Face.
 */
public record GenerationConfig(
        Integer numBeams,
        Double lengthPenalty,
        String earlyStopping,
        Integer numReturnSequences,
        Integer maxLength,
        Integer maxNewTokens,
        Integer minLength,
        Integer minNewTokens,
        Integer noRepeatNgramSize,
        Double repetitionPenalty,
        List<List<Long>> badWordsIds,
        Long forcedBosTokenId,
        Long forcedEosTokenId,
        Long decoderStartTokenId,
        Long eosTokenId,
        Long padTokenId) {

    public static final GenerationConfig EMPTY = builder().build();

    /** Fields set in {@code other} win over the fields of this one. */
    public GenerationConfig overriddenBy(GenerationConfig other) {
        if (other == null) {
            return this;
        }
        return new GenerationConfig(
                pick(other.numBeams, numBeams),
                pick(other.lengthPenalty, lengthPenalty),
                pick(other.earlyStopping, earlyStopping),
                pick(other.numReturnSequences, numReturnSequences),
                pick(other.maxLength, maxLength),
                pick(other.maxNewTokens, maxNewTokens),
                pick(other.minLength, minLength),
                pick(other.minNewTokens, minNewTokens),
                pick(other.noRepeatNgramSize, noRepeatNgramSize),
                pick(other.repetitionPenalty, repetitionPenalty),
                pick(other.badWordsIds, badWordsIds),
                pick(other.forcedBosTokenId, forcedBosTokenId),
                pick(other.forcedEosTokenId, forcedEosTokenId),
                pick(other.decoderStartTokenId, decoderStartTokenId),
                pick(other.eosTokenId, eosTokenId),
                pick(other.padTokenId, padTokenId));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.numBeams = numBeams;
        b.lengthPenalty = lengthPenalty;
        b.earlyStopping = earlyStopping;
        b.numReturnSequences = numReturnSequences;
        b.maxLength = maxLength;
        b.maxNewTokens = maxNewTokens;
        b.minLength = minLength;
        b.minNewTokens = minNewTokens;
        b.noRepeatNgramSize = noRepeatNgramSize;
        b.repetitionPenalty = repetitionPenalty;
        b.badWordsIds = badWordsIds;
        b.forcedBosTokenId = forcedBosTokenId;
        b.forcedEosTokenId = forcedEosTokenId;
        b.decoderStartTokenId = decoderStartTokenId;
        b.eosTokenId = eosTokenId;
        b.padTokenId = padTokenId;
        return b;
    }

    /** Builder in the style of DJL's translator builders. */
    public static final class Builder {
        private Integer numBeams;
        private Double lengthPenalty;
        private String earlyStopping;
        private Integer numReturnSequences;
        private Integer maxLength;
        private Integer maxNewTokens;
        private Integer minLength;
        private Integer minNewTokens;
        private Integer noRepeatNgramSize;
        private Double repetitionPenalty;
        private List<List<Long>> badWordsIds;
        private Long forcedBosTokenId;
        private Long forcedEosTokenId;
        private Long decoderStartTokenId;
        private Long eosTokenId;
        private Long padTokenId;

        public Builder numBeams(Integer v) { numBeams = v; return this; }
        public Builder lengthPenalty(Double v) { lengthPenalty = v; return this; }
        public Builder earlyStopping(String v) { earlyStopping = v; return this; }
        public Builder numReturnSequences(Integer v) { numReturnSequences = v; return this; }
        public Builder maxLength(Integer v) { maxLength = v; return this; }
        public Builder maxNewTokens(Integer v) { maxNewTokens = v; return this; }
        public Builder minLength(Integer v) { minLength = v; return this; }
        public Builder minNewTokens(Integer v) { minNewTokens = v; return this; }
        public Builder noRepeatNgramSize(Integer v) { noRepeatNgramSize = v; return this; }
        public Builder repetitionPenalty(Double v) { repetitionPenalty = v; return this; }
        public Builder badWordsIds(List<List<Long>> v) { badWordsIds = v; return this; }
        public Builder forcedBosTokenId(Long v) { forcedBosTokenId = v; return this; }
        public Builder forcedEosTokenId(Long v) { forcedEosTokenId = v; return this; }
        public Builder decoderStartTokenId(Long v) { decoderStartTokenId = v; return this; }
        public Builder eosTokenId(Long v) { eosTokenId = v; return this; }
        public Builder padTokenId(Long v) { padTokenId = v; return this; }

        public GenerationConfig build() {
            return new GenerationConfig(numBeams, lengthPenalty, earlyStopping, numReturnSequences, maxLength,
                    maxNewTokens, minLength, minNewTokens, noRepeatNgramSize, repetitionPenalty, badWordsIds,
                    forcedBosTokenId, forcedEosTokenId, decoderStartTokenId, eosTokenId, padTokenId);
        }
    }
}
