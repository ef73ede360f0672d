package app.tarjim.engine;

/**
 * How to load a model folder.
 *
 * @param variant             ONNX weight variant (file suffix)
 * @param intraOpThreads      ONNX Runtime threads inside one operator
 * @param interOpThreads      ONNX Runtime threads across independent operators
 * @param preferMergedDecoder use {@code decoder_model_merged} when present; otherwise (or when false and the split
 *                            files exist) {@code decoder_model} + {@code decoder_with_past_model}
 * @param maxBatchSize        most inputs decoded together in one sub-batch (beams multiply the rows)
 * @param spinWait            let ONNX Runtime's worker threads spin between runs (off by default: the Java part of
 *                            each step needs the cores they would spin on)
 * @param reduceInGraph       reduce each step's logits to tokens or candidates in ONNX Runtime when the logits
 *                            processors allow it (see {@code StepHeadGraph}); false keeps that work in Java
 * @param reduceInGraphFrom   the fewest scores in a step (rows x vocabulary) reduced in graph: on a small
 *                            vocabulary (the demo and test models' 1,000-1,500 ids) the two ways were even in
 *                            time, so the Java loop stays there; from one row of opus-mt's 62,802 ids on the
 *                            graphs are as quick or quicker (64 rows: 12-20% less wall time)
 * @param foldDequantize      quantized variant only: let ONNX Runtime fold {@code DequantizeLinear} of constant
 *                            int8 weights into float32 once at load ({@code session.disable_quant_qdq=1}). The
 *                            int8 exports read the tied output projection as Transpose, DequantizeLinear, MatMul
 *                            of the int8 embedding, which ONNX Runtime otherwise redoes on every decoder step
 *                            (opus-mt: 62,802 x 512 weights a step). Costs float32 copies of that matrix, one
 *                            per If branch of a merged decoder (measured +277 MB RSS at load for opus-mt's
 *                            dimensions); false keeps ONNX Runtime's default
 * @param int8OutputProjection quantized variant only: run that output projection in int8 instead
 *                            ({@code MatMulInteger} over the file's int8 weights, see {@code Int8Projection}):
 *                            no float32 copy, but the hidden state is quantized per step, so scores and at times
 *                            tokens differ from the float32 projection. Off by default
 * @param sourceLanguage      multilingual models (NLLB, M2M100, mBART) only: the language code the encoder input
 *                            starts with, e.g. {@code arb_Arab}, put into the tokenizer's template at load; null
 *                            keeps the file's (Xenova's NLLB tokenizer.json names {@code eng_Latn})
 * @param targetLanguage      multilingual models only: the language code forced as the first generated token
 *                            ({@code forced_bos_token_id}) on every call that does not set one itself, e.g.
 *                            {@code eng_Latn}; null leaves the model's generation defaults as they are
 * @param englishOnlyOutput   multilingual models translating into English ({@code targetLanguage} eng_...)
 *                            only: the decoder's output projection runs over the ids of Latin-script pieces only
 *                            ({@code EnglishVocabulary}), a weight sliced at load; other ids get -inf. Greedy
 *                            output is unchanged whenever the full argmax is allowed; log-probabilities are
 *                            normalised over the allowed ids, so beam scores differ. Off by default
 */
public record ModelOptions(ModelVariant variant, int intraOpThreads, int interOpThreads,
                           boolean preferMergedDecoder, int maxBatchSize, boolean spinWait, boolean reduceInGraph,
                           long reduceInGraphFrom, boolean foldDequantize, boolean int8OutputProjection,
                           String sourceLanguage, String targetLanguage, boolean englishOnlyOutput) {

    public ModelOptions {
        if (variant == null) {
            throw new IllegalArgumentException("variant must not be null");
        }
        if (intraOpThreads < 1 || interOpThreads < 1 || maxBatchSize < 1) {
            throw new IllegalArgumentException("thread counts and maxBatchSize must be at least 1");
        }
    }

    public static ModelOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ModelVariant variant = ModelVariant.FP32;
        private int intraOpThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
        private int interOpThreads = 1;
        private boolean preferMergedDecoder = true;
        private int maxBatchSize = 16;
        private boolean spinWait = false;
        private boolean reduceInGraph = true;
        private long reduceInGraphFrom = 1L << 15;
        private boolean foldDequantize = true;
        private boolean int8OutputProjection = false;
        private String sourceLanguage;
        private String targetLanguage;
        private boolean englishOnlyOutput = false;

        public Builder variant(ModelVariant v) { variant = v; return this; }
        public Builder intraOpThreads(int v) { intraOpThreads = v; return this; }
        public Builder interOpThreads(int v) { interOpThreads = v; return this; }
        public Builder preferMergedDecoder(boolean v) { preferMergedDecoder = v; return this; }
        public Builder maxBatchSize(int v) { maxBatchSize = v; return this; }
        public Builder spinWait(boolean v) { spinWait = v; return this; }
        public Builder reduceInGraph(boolean v) { reduceInGraph = v; return this; }
        public Builder reduceInGraphFrom(long v) { reduceInGraphFrom = v; return this; }
        public Builder foldDequantize(boolean v) { foldDequantize = v; return this; }
        public Builder int8OutputProjection(boolean v) { int8OutputProjection = v; return this; }
        public Builder sourceLanguage(String v) { sourceLanguage = v; return this; }
        public Builder targetLanguage(String v) { targetLanguage = v; return this; }
        public Builder englishOnlyOutput(boolean v) { englishOnlyOutput = v; return this; }

        public ModelOptions build() {
            return new ModelOptions(variant, intraOpThreads, interOpThreads, preferMergedDecoder, maxBatchSize,
                    spinWait, reduceInGraph, reduceInGraphFrom, foldDequantize, int8OutputProjection, sourceLanguage,
                    targetLanguage, englishOnlyOutput);
        }
    }
}
