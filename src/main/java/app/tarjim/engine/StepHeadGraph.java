package app.tarjim.engine;

import java.util.List;

/**
 * Writes the two small ONNX graphs that reduce a decoder step's logits to what the searches need, so that the
 * [rows, vocab] logits never leave native memory and their exponentials run in ONNX Runtime's vectorised kernels
 * instead of a scalar Java loop. {@code mask} is one additive row (0 or -inf per id) shared by all rows, and
 * {@code ban_ids}/{@code ban_values} [rows, m] the ids each row bans on top, scattered with reduction "min"
 * (-inf bans, +inf pads): the logits processors whose only effect is banning ids (see
 * {@link LogitsProcessors#stepMasks}). Each graph comes with and without the row bans: the scatter copies the
 * whole score tensor, which steps without bans should not pay for.
 */
final class StepHeadGraph {

    static final String LOGITS = "logits";
    static final String MASK = "mask";
    static final String BAN_IDS = "ban_ids";
    static final String BAN_VALUES = "ban_values";
    static final String ROW_SCORES = "row_scores";
    static final String K = "k";
    static final String TOKEN = "token";
    static final String LOG_PROB = "log_prob";
    static final String VALUES = "values";
    static final String INDICES = "indices";

    /** ScatterElements takes reduction "min" from opset 18. */
    private static final int OPSET = 18;

    private StepHeadGraph() {
    }

    /**
     * Greedy: {@code x = logits + mask}, then the row bans; {@code token = ArgMax(x)} (first index on ties, as torch.argmax);
     * {@code log_prob = LogSoftmax(x)[token]}, the same quantities as HF's greedy search on processed logits.
     */
    static byte[] greedy(boolean rowBans) {
        OnnxProto graph = new OnnxProto();
        graph.message(1, OnnxProto.node("masked", "Add", List.of(LOGITS, MASK), List.of(rowBans ? "shared" : "x")));
        if (rowBans) {
            graph.message(1, banNode("shared", "x"));
        }
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
        if (rowBans) {
            banInputs(graph);
        }
        graph.message(12, OnnxProto.tensorInfo(TOKEN, OnnxProto.INT64));
        graph.message(12, OnnxProto.tensorInfo(LOG_PROB, OnnxProto.FLOAT));
        return OnnxProto.model(graph, OPSET);
    }

    /**
     * Beam search, HF order: {@code s = (LogSoftmax(logits) + mask, then the row bans) + row_scores}, then each row's best {@code k}
     * of {@code s}, descending, ties to the lower index (ONNX TopK), as {@code values} and {@code indices}.
     */
    static byte[] beamTops(boolean rowBans) {
        OnnxProto graph = new OnnxProto();
        graph.message(1, OnnxProto.node("log_softmax", "LogSoftmax", List.of(LOGITS), List.of("ls"),
                OnnxProto.intAttribute("axis", -1)));
        graph.message(1, OnnxProto.node("masked", "Add", List.of("ls", MASK),
                List.of(rowBans ? "shared" : "processed")));
        if (rowBans) {
            graph.message(1, banNode("shared", "processed"));
        }
        graph.message(1, OnnxProto.node("scored", "Add", List.of("processed", ROW_SCORES), List.of("s")));
        graph.message(1, OnnxProto.node("top", "TopK", List.of("s", K), List.of(VALUES, INDICES),
                OnnxProto.intAttribute("axis", -1), OnnxProto.intAttribute("largest", 1),
                OnnxProto.intAttribute("sorted", 1)));
        graph.string(2, "beam_head");
        graph.message(11, OnnxProto.tensorInfo(LOGITS, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(MASK, OnnxProto.FLOAT));
        if (rowBans) {
            banInputs(graph);
        }
        graph.message(11, OnnxProto.tensorInfo(ROW_SCORES, OnnxProto.FLOAT));
        graph.message(11, OnnxProto.tensorInfo(K, OnnxProto.INT64));
        graph.message(12, OnnxProto.tensorInfo(VALUES, OnnxProto.FLOAT));
        graph.message(12, OnnxProto.tensorInfo(INDICES, OnnxProto.INT64));
        return OnnxProto.model(graph, OPSET);
    }

    /** min(scores, ban value) at each row's ban ids: -inf bans, +inf (padding) changes nothing. */
    private static OnnxProto banNode(String input, String output) {
        return OnnxProto.node("row_bans", "ScatterElements", List.of(input, BAN_IDS, BAN_VALUES), List.of(output),
                OnnxProto.intAttribute("axis", -1), OnnxProto.stringAttribute("reduction", "min"));
    }

    private static void banInputs(OnnxProto graph) {
        graph.message(11, OnnxProto.tensorInfo(BAN_IDS, OnnxProto.INT64));
        graph.message(11, OnnxProto.tensorInfo(BAN_VALUES, OnnxProto.FLOAT));
    }
}
