package app.tarjim.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal ONNX model that gathers rows: outputs {@code out_i = Gather(data_i, indices, axis=0)} for
 * {@code count} inputs of one element type. Reordering the cache for beams this way stays in native memory;
 * copying it through Java cost more than a third of the Java time of a beam step.
 */
final class GatherGraph {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;

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
        Proto graph = new Proto();
        for (int i = 0; i < count; i++) {
            Proto axis = new Proto().string(1, "axis").varint(3, 0).varint(20, 2); // AttributeProto INT
            graph.message(1, new Proto().string(1, dataName(i)).string(1, "indices").string(2, outputName(i))
                    .string(3, "gather_" + i).string(4, "Gather").message(5, axis));
        }
        graph.string(2, "row_gather");
        for (int i = 0; i < count; i++) {
            graph.message(11, valueInfo(dataName(i), elemType));
        }
        graph.message(11, valueInfo("indices", INT64));
        for (int i = 0; i < count; i++) {
            graph.message(12, valueInfo(outputName(i), elemType));
        }
        return new Proto().varint(1, 8).string(2, "tarjim").message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 14)).bytes();
    }

    private static Proto valueInfo(String name, int elemType) {
        Proto tensor = new Proto().varint(1, elemType);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** Just enough of the protobuf wire format: varints, strings and nested messages. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint(((long) field << 3));
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return lengthDelimited(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return lengthDelimited(field, message.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Proto lengthDelimited(int field, byte[] data) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(data.length);
            out.writeBytes(data);
            return this;
        }

        private void writeVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
