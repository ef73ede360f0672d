package app.tarjim.engine;

import java.util.List;

/**
 * Writes the two small ONNX graphs that reduce a decoder step's logits to what the searches need, so that the
 * [rows, vocab] logits never leave native memory and their exponentials run in ONNX Runtime's vectorised kernels
 * instead of a scalar Java loop. {@code mask} is one additive row (0 or -inf per id) shared by all rows: the
 * logits processors that only ban ids whatever the sequence (see {@link LogitsProcessors#sharedMask}).
 */
final class StepHeadGraph {

    static final String LOGITS = "logits";
    static final String MASK = "mask";
    static final String ROW_SCORES = "row_scores";
    static final String K = "k";
    static final String TOKEN = "token";
    static final String LOG_PROB = "log_prob";
    static final String VALUES = "values";
    static final String INDICES = "indices";

    private StepHeadGraph() {
    }

    /**
     * Greedy: {@code x = logits + mask}; {@code token = ArgMax(x)} (first index on ties, as torch.argmax);
     * {@code log_prob = LogSoftmax(x)[token]}, the same quantities as HF's greedy search on processed logits.
     */
    static byte[] greedy() {
        OnnxProto graph = new OnnxProto();
        graph.message(1, OnnxProto.node("masked", "Add", List.of(LOGITS, MASK), List.of("x")));
        graph.message(1, OnnxProto.node("log_softmax", "LogSoftmax", List.of("x"), List.of("ls"),
                OnnxProto.intAttribute("axis", -1)));
        graph.message(1, OnnxProto.node("argmax", "ArgMax", List.of("x"), List.of(TOKEN),
                OnnxProto.intAttribute("axis", -1), OnnxProto.intAttribute("keepdims", 1),
                OnnxProto.intAttribute("select_last_index", 0)));
        graph.message(1, OnnxProto.node("pick", "GatherElements", List.of("ls", TOKEN), List.of(LOG_PROB),
                OnnxProto.intAttribute("axis", -1)));
        graph.string(2, "greedy_head");
        graph.message(11, OnnxProto.tensorInfo(LOGITS, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(MASK, OnnxProto.FLOAT));
        graph.message(12, OnnxProto.tensorInfo(TOKEN, OnnxProto.INT64));
        graph.message(12, OnnxProto.tensorInfo(LOG_PROB, OnnxProto.FLOAT));
        return OnnxProto.model(graph, 14);
    }

    /**
     * Beam search, HF order: {@code s = (LogSoftmax(logits) + mask) + row_scores}, then each row's best {@code k}
     * of {@code s}, descending, ties to the lower index (ONNX TopK), as {@code values} and {@code indices}.
     */
    static byte[] beamTops() {
        OnnxProto graph = new OnnxProto();
        graph.message(1, OnnxProto.node("log_softmax", "LogSoftmax", List.of(LOGITS), List.of("ls"),
                OnnxProto.intAttribute("axis", -1)));
        graph.message(1, OnnxProto.node("masked", "Add", List.of("ls", MASK), List.of("processed")));
        graph.message(1, OnnxProto.node("scored", "Add", List.of("processed", ROW_SCORES), List.of("s")));
        graph.message(1, OnnxProto.node("top", "TopK", List.of("s", K), List.of(VALUES, INDICES),
                OnnxProto.intAttribute("axis", -1), OnnxProto.intAttribute("largest", 1),
                OnnxProto.intAttribute("sorted", 1)));
        graph.string(2, "beam_head");
        graph.message(11, OnnxProto.tensorInfo(LOGITS, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(MASK, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(ROW_SCORES, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(K, OnnxProto.INT64));
        graph.message(12, OnnxProto.tensorInfo(VALUES, OnnxProto.FLOAT));
        graph.message(12, OnnxProto.tensorInfo(INDICES, OnnxProto.INT64));
        return OnnxProto.model(graph, 14);
    }
}
