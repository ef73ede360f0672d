package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Runs the encoder graph on a right-padded batch of token ids. */
final class Encoder {

    private final OnnxSession session;
    private final long padTokenId;

    Encoder(OnnxSession session, long padTokenId) {
        this.session = session;
        this.padTokenId = padTokenId;
        if (!session.inputs().containsKey("input_ids")) {
            throw new ModelLoadException("Encoder " + session.file() + " has no input_ids input");
        }
    }

    OnnxSession.Runner newRunner() {
        return session.newRunner();
    }

    /** The batch's hidden states and mask; they live in {@code manager}. */
    EncoderOutput encode(OnnxSession.Runner runner, NDManager manager, long[][] batch) {
        int rows = batch.length;
        int width = 0;
        for (long[] ids : batch) {
            width = Math.max(width, ids.length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                boolean real = c < batch[r].length;
                ids[r * width + c] = real ? batch[r][c] : padTokenId;
                mask[r * width + c] = real ? 1 : 0;
            }
        }
        NDArray idArray = Tensors.longs(manager, "input_ids", ids, rows, width);
        NDArray maskArray = Tensors.longs(manager, "attention_mask", mask, rows, width);
        NDList inputs = new NDList(idArray);
        if (session.inputs().containsKey("attention_mask")) {
            inputs.add(maskArray);
        }
        NDList outputs = runner.run(inputs);
        idArray.close();
        NDArray hidden = outputs.get("last_hidden_state");
        if (hidden == null) {
            hidden = outputs.head();
        }
        for (NDArray other : outputs) {
            if (other != hidden) {
                other.close();
            }
        }
        return new EncoderOutput(hidden, maskArray);
    }
}
