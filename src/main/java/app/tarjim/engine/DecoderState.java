package app.tarjim.engine;

/** What a search needs from the model during one sub-batch: run a step, and keep or reorder rows. */
interface DecoderState {

    /**
     * Runs one step on the last token of every row; returns [rows, vocab] scores, row-major, in the first
     * rows * vocab entries of an array that may be longer and is valid (and writable) until the next step.
     */
    float[] step(long[] lastTokens);

    int vocabSize();

    /** Beam reordering within inputs: row {@code i} becomes old row {@code rows[i]}; same row count. */
    void reorderBeams(int[] rows);

    /** Keeps (and may repeat) old rows in the given order: beam expansion, dropping finished inputs. */
    void keepRows(int[] rows);
}
