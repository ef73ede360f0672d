package app.tarjim.engine;

import java.util.List;

/**
 * Writes a minimal ONNX model that gathers rows: outputs {@code out_i = Gather(data_i, indices, axis=0)} for
 * {@code count} inputs of one element type. Reordering the cache for beams this way stays in native memory;
 * copying it through Java cost more than a third of the Java time of a beam step.
 */
final class GatherGraph {

    static final int FLOAT = OnnxProto.FLOAT;
    static final int INT64 = OnnxProto.INT64;
    static final int FLOAT16 = OnnxProto.FLOAT16;

    private GatherGraph() {
    }

    static String dataName(int i) {
        return "data_" + i;
    }

    static String outputName(int i) {
        return "out_" + i;
    }

    /** Serialised ModelProto (IR 8, opset 14); shapes are left open so any row layout fits. */
    static byte[] model(int count, int elemType) {
        OnnxProto graph = new OnnxProto();
        for (int i = 0; i < count; i++) {
            graph.message(1, OnnxProto.node("gather_" + i, "Gather", List.of(dataName(i), "indices"),
                    List.of(outputName(i)), OnnxProto.intAttribute("axis", 0)));
        }
        graph.string(2, "row_gather");
        for (int i = 0; i < count; i++) {
            graph.message(11, OnnxProto.tensorInfo(dataName(i), elemType));
        }
        graph.message(11, OnnxProto.tensorInfo("indices", INT64));
        for (int i = 0; i < count; i++) {
            graph.message(12, OnnxProto.tensorInfo(outputName(i), elemType));
        }
        return OnnxProto.model(graph, 14);
    }
}
