package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Encoder hidden states and attention mask, one row per decoder row. */
final class EncoderOutput implements AutoCloseable {

    private NDArray hiddenStates;
    private NDArray attentionMask;

    EncoderOutput(NDArray hiddenStates, NDArray attentionMask) {
        this.hiddenStates = hiddenStates;
        this.attentionMask = attentionMask;
        hiddenStates.setName("encoder_hidden_states");
        attentionMask.setName("encoder_attention_mask");
    }

    NDArray hiddenStates() {
        return hiddenStates;
    }

    NDArray attentionMask() {
        return attentionMask;
    }

    long rows() {
        return hiddenStates.getShape().get(0);
    }

    /** Keeps the given rows, in order; used to expand for beams and to drop finished inputs. */
    void keepRows(RowGather.Runners gather, NDManager manager, int[] rows) {
        if (Tensors.isIdentity(rows, rows())) {
            return;
        }
        NDArray h = gather.hiddenRows(manager, hiddenStates, rows);
        NDArray m = gather.maskRows(manager, attentionMask, rows);
        close();
        hiddenStates = h;
        attentionMask = m;
    }

    @Override
    public void close() {
        hiddenStates.close();
        attentionMask.close();
    }
}
