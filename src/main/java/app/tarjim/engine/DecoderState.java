package app.tarjim.engine;

/** What a search needs from the model during one sub-batch: run a step, and keep or reorder rows. */
interface DecoderState {

    /**
     * Runs one step on the last token of every row; returns [rows, vocab] scores, row-major, in the first
     * rows * vocab entries of an array that may be longer and is valid (and writable) until the next step.
     */
    float[] step(long[] lastTokens);

    /**
     * True when, for a step of this many rows, {@link #stepGreedy} and {@link #stepBeamTops} should be called
     * instead of {@link #step}.
     */
    boolean reducesInGraph(int rows);

    /**
     * One step, reduced in ONNX Runtime for greedy search: per row, the argmax of the logits with the step's
     * masks applied (first index on ties) and its log-probability under the log-softmax of those masked logits.
     */
    StepHead.GreedyPicks stepGreedy(long[] lastTokens, LogitsProcessors.StepMasks masks);

    /**
     * One step, reduced in ONNX Runtime for beam search: per row, its best {@code k} of
     * {@code (logSoftmax(logits) with the step's masks applied) + rowScores[row]}, descending, ties to the lower id.
     */
    StepHead.RowTops stepBeamTops(long[] lastTokens, LogitsProcessors.StepMasks masks, float[] rowScores, int k);

    int vocabSize();

    /** Beam reordering within inputs: row {@code i} becomes old row {@code rows[i]}; same row count. */
    void reorderBeams(int[] rows);

    /** Keeps (and may repeat) old rows in the given order: beam expansion, dropping finished inputs. */
    void keepRows(int[] rows);
}
