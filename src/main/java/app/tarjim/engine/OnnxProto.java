package app.tarjim.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Just enough of the protobuf wire format to write the engine's small helper ONNX graphs: varints, strings and
 * nested messages, with the field numbers of onnx.proto for nodes, attributes, value infos and models.
 */
final class OnnxProto {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    OnnxProto varint(int field, long value) {
        writeVarint(((long) field << 3));
        writeVarint(value);
        return this;
    }

    OnnxProto string(int field, String value) {
        return lengthDelimited(field, value.getBytes(StandardCharsets.UTF_8));
    }

    OnnxProto message(int field, OnnxProto message) {
        return lengthDelimited(field, message.bytes());
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** NodeProto: inputs, outputs, name, op type, attributes. */
    static OnnxProto node(String name, String opType, List<String> inputs, List<String> outputs,
                          OnnxProto... attributes) {
        OnnxProto node = new OnnxProto();
        inputs.forEach(i -> node.string(1, i));
        outputs.forEach(o -> node.string(2, o));
        node.string(3, name).string(4, opType);
        for (OnnxProto a : attributes) {
            node.message(5, a);
        }
        return node;
    }

    /** AttributeProto of type INT. */
    static OnnxProto intAttribute(String name, long value) {
        return new OnnxProto().string(1, name).varint(3, value).varint(20, 2);
    }

    /** AttributeProto of type STRING. */
    static OnnxProto stringAttribute(String name, String value) {
        return new OnnxProto().string(1, name).string(4, value).varint(20, 3);
    }

    /** AttributeProto of type TENSOR: a tensor with the given dims, element type and little-endian raw bytes. */
    static OnnxProto tensorAttribute(String name, long[] dims, int elemType, byte[] raw) {
        OnnxProto tensor = new OnnxProto();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        tensor.varint(2, elemType).lengthDelimited(9, raw);
        return new OnnxProto().string(1, name).message(5, tensor).varint(20, 4);
    }

    /** A Constant node holding an int64 tensor. */
    static OnnxProto int64Constant(String output, long[] dims, long[] values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return node(output, "Constant", List.of(), List.of(output), tensorAttribute("value", dims, INT64, b.array()));
    }

    /** A Constant node holding one float32 scalar. */
    static OnnxProto floatScalarConstant(String output, float value) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(value);
        return node(output, "Constant", List.of(), List.of(output), tensorAttribute("value", new long[0], FLOAT,
                b.array()));
    }

    /** ValueInfoProto of a tensor with the given element type and no fixed shape. */
    static OnnxProto tensorInfo(String name, int elemType) {
        OnnxProto tensor = new OnnxProto().varint(1, elemType);
        return new OnnxProto().string(1, name).message(2, new OnnxProto().message(1, tensor));
    }

    /** ModelProto (IR 8) around a graph, default domain at the given opset. */
    static byte[] model(OnnxProto graph, int opset) {
        return new OnnxProto().varint(1, 8).string(2, "tarjim").message(7, graph)
                .message(8, new OnnxProto().string(1, "").varint(2, opset)).bytes();
    }

    private OnnxProto lengthDelimited(int field, byte[] data) {
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
