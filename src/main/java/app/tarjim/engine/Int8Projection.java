package app.tarjim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the tied output projection of an int8 decoder file, {@code MatMul(h, DequantizeLinear(Transpose(E)))}
 * over the int8 embedding E, into the pattern {@code quantize_dynamic} writes for every other MatMul:
 * {@code DynamicQuantizeLinear(h)}, {@code MatMulInteger} with {@code Transpose(E)}, {@code Cast}, and a
 * {@code Mul} by both scales (ONNX Runtime fuses these into DynamicQuantizeMatMul and folds the Transpose of the
 * constant into an int8 copy at load). The weights stay the file's int8 values; the hidden state is quantized
 * to uint8 per step, so the logits change a little. Works on the protobuf wire format: everything else is copied
 * as is, including in the merged decoder's If branches.
 */
final class Int8Projection {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int ATTRIBUTE_GRAPH = 6;
    private static final int ATTRIBUTE_GRAPHS = 11;

    private final ByteBuffer file;
    /** Null: the int8 rewrite; else the vocabulary restriction (see {@link #restrictVocabulary}). */
    private final long[] allowed;
    private final int vocabSize;
    private int rewritten;

    private Int8Projection(ByteBuffer file, long[] allowed, int vocabSize) {
        this.file = file;
        this.allowed = allowed;
        this.vocabSize = vocabSize;
    }

    /**
     * Writes a copy of a decoder whose output projection (the MatMul that makes the graph output {@code logits})
     * multiplies only the columns of {@code allowed} ids: its weight goes through {@code Gather(W, allowed,
     * axis=1)}, a constant expression ONNX Runtime folds into a sliced weight once at load. The [.., K] result is
     * spread back over the full vocabulary with -inf for every other id (Pad with one -inf column, then Gather
     * with a constant index map), so ids, logits processors and beam search stay as they are. An int8 file's
     * projection is found in either form: the tied {@code MatMul} over a dequantized weight, or quantize_dynamic's
     * {@code MatMulInteger}, {@code Cast} and {@code Mul} by the scales, whose int8 weight columns (and zero points
     * and scales) are gathered the same way.
     *
     * @return the number of projections rewritten (two in a merged decoder); 0 leaves {@code target} unwritten
     */
    static int restrictVocabulary(Path source, Path target, long[] allowed, int vocabSize) {
        return copyRewritten(source, target, allowed, vocabSize, "Cannot restrict the output vocabulary of ");
    }

    /**
     * Writes the rewritten model to {@code target}.
     *
     * @return the number of projections rewritten (two in a merged decoder: one per branch); 0 leaves
     *         {@code target} unwritten
     */
    static int rewrite(Path source, Path target) {
        return copyRewritten(source, target, null, 0, "Cannot rewrite the output projection of ");
    }

    /** Maps {@code source}, rewrites its graphs (restricting when {@code allowed} is given) and writes any change. */
    private static int copyRewritten(Path source, Path target, long[] allowed, int vocabSize, String failure) {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            Int8Projection p = new Int8Projection(in.map(FileChannel.MapMode.READ_ONLY, 0, in.size()), allowed,
                    vocabSize);
            Rope model = p.message(0, p.file.limit(), MODEL_GRAPH, p::graph);
            if (p.rewritten > 0) {
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    model.writeTo(out);
                }
            }
            return p.rewritten;
        } catch (IOException e) {
            throw new UncheckedIOException(failure + source, e);
        }
    }

    /** Copies the message in [from, to), rewriting the fields numbered {@code field} with {@code inner}. */
    private Rope message(int from, int to, int field, Rewriter inner) {
        Rope out = new Rope();
        for (Field f : fields(from, to)) {
            if (f.number == field && f.wireType == 2) {
                out.lengthDelimited(field, inner.rewrite(f.valueStart, f.end));
            } else {
                out.slice(file, f.start, f.end);
            }
        }
        return out;
    }

    private Rope graph(int from, int to) {
        List<Field> fields = fields(from, to);
        Map<String, Node> producers = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Field f : fields) {
            if (f.number == GRAPH_NODE && f.wireType == 2) {
                Node n = node(f);
                nodes.add(n);
                n.outputs.forEach(o -> producers.put(o, n));
            }
        }
        Map<Node, List<OnnxProto>> replaced = new HashMap<>();
        Set<Node> dropped = new HashSet<>();
        Map<String, Integer> uses = new HashMap<>();
        Set<String> graphOutputs = new HashSet<>();
        nodes.forEach(n -> n.inputs.forEach(i -> uses.merge(i, 1, Integer::sum)));
        for (Field f : fields) {
            if (f.number == GRAPH_OUTPUT && f.wireType == 2) { // a graph output counts as a use: keep its producer
                fields(f.valueStart, f.end).stream().filter(v -> v.number == VALUE_INFO_NAME)
                        .forEach(v -> {
                            uses.merge(string(v), 1, Integer::sum);
                            graphOutputs.add(string(v));
                        });
            }
        }
        for (Node n : nodes) {
            if (allowed != null) {
                if (!graphOutputs.contains("logits") || !n.outputs.get(0).equals("logits")) {
                    continue;
                }
                if (n.op.equals("MatMul") && n.inputs.size() == 2) {
                    replaced.put(n, restriction(n));
                    rewritten++;
                    continue;
                }
                // quantize_dynamic's untied projection: Mul(Cast(MatMulInteger(h_q, W_q, h_zp, W_zp)), scales)
                Node cast = n.op.equals("Mul") && n.inputs.size() == 2 ? producers.get(n.inputs.get(0)) : null;
                Node integer = cast != null && cast.op.equals("Cast") ? producers.get(cast.inputs.get(0)) : null;
                if (integer != null && integer.op.equals("MatMulInteger") && uses.get(integer.outputs.get(0)) == 1) {
                    replaced.put(integer, integerRestriction(integer));
                    replaced.put(n, integerSpread(n));
                    rewritten++;
                }
                continue;
            }
            Node dq = n.op.equals("MatMul") && n.inputs.size() == 2 ? producers.get(n.inputs.get(1)) : null;
            Node t = dq != null && dq.op.equals("DequantizeLinear") ? producers.get(dq.inputs.get(0)) : null;
            if (t != null && t.op.equals("Transpose")) {
                replaced.put(n, replacement(n, dq, t));
                if (uses.get(dq.outputs.get(0)) == 1) {
                    dropped.add(dq);
                }
                rewritten++;
            }
        }
        Rope out = new Rope();
        int k = 0;
        for (Field f : fields) {
            if (f.number != GRAPH_NODE || f.wireType != 2) {
                out.slice(file, f.start, f.end);
                continue;
            }
            Node n = nodes.get(k++);
            if (replaced.containsKey(n)) {
                replaced.get(n).forEach(r -> out.lengthDelimited(GRAPH_NODE, Rope.of(r.bytes())));
            } else if (n.hasSubgraph) {
                out.lengthDelimited(GRAPH_NODE, message(f.valueStart, f.end, NODE_ATTRIBUTE, this::attribute));
            } else if (!dropped.contains(n)) {
                out.slice(file, f.start, f.end);
            }
        }
        return out;
    }

    private Rope attribute(int from, int to) {
        Rope out = new Rope();
        for (Field f : fields(from, to)) {
            if ((f.number == ATTRIBUTE_GRAPH || f.number == ATTRIBUTE_GRAPHS) && f.wireType == 2) {
                out.lengthDelimited(f.number, graph(f.valueStart, f.end));
            } else {
                out.slice(file, f.start, f.end);
            }
        }
        return out;
    }

    /** y = Gather(Pad(h x Gather(W, allowed, 1), one -inf column), index map, -1). */
    private List<OnnxProto> restriction(Node matMul) {
        String y = matMul.outputs.get(0);
        String p = y + "_restricted";
        List<OnnxProto> out = new ArrayList<>(List.of(
                OnnxProto.int64Constant(p + "_ids", new long[] {allowed.length}, allowed),
                OnnxProto.node(p + "_weight", "Gather", List.of(matMul.inputs.get(1), p + "_ids"),
                        List.of(p + "_w"), OnnxProto.intAttribute("axis", 1)),
                OnnxProto.node(p + "_matmul", "MatMul", List.of(matMul.inputs.get(0), p + "_w"), List.of(p + "_k"))));
        out.addAll(spread(p, y));
        return out;
    }

    /**
     * MatMulInteger(h_q, Gather(W_q, allowed, 1), h_zp, Gather(Expand(W_zp, [V]), allowed)): the int8 weight's
     * allowed columns, and their zero points whether the file has one per tensor or one per column. The weight
     * expressions are constant: ONNX Runtime folds them at load. The ids are named after the logits, so the
     * spread in {@link #integerSpread} finds them.
     */
    private List<OnnxProto> integerRestriction(Node matMul) {
        String p = "logits_restricted";
        List<OnnxProto> out = new ArrayList<>(List.of(
                OnnxProto.int64Constant(p + "_ids", new long[] {allowed.length}, allowed),
                OnnxProto.int64Constant(p + "_vocab", new long[] {1}, new long[] {vocabSize}),
                OnnxProto.node(p + "_weight", "Gather", List.of(matMul.inputs.get(1), p + "_ids"),
                        List.of(p + "_w"), OnnxProto.intAttribute("axis", 1))));
        List<String> inputs = new ArrayList<>(matMul.inputs);
        inputs.set(1, p + "_w");
        if (inputs.size() > 3 && !inputs.get(3).isEmpty()) {
            out.add(OnnxProto.node(p + "_zp_all", "Expand", List.of(inputs.get(3), p + "_vocab"),
                    List.of(p + "_zp_v")));
            out.add(OnnxProto.node(p + "_zp", "Gather", List.of(p + "_zp_v", p + "_ids"), List.of(p + "_zp_k"),
                    OnnxProto.intAttribute("axis", 0)));
            inputs.set(3, p + "_zp_k");
        }
        out.add(OnnxProto.node(p + "_matmul_integer", "MatMulInteger", inputs, matMul.outputs));
        return out;
    }

    /** logits = spread(Cast(..) * Gather(Expand(scales, [V]), allowed)): the [.., K] product over the vocabulary. */
    private List<OnnxProto> integerSpread(Node mul) {
        String p = "logits_restricted";
        List<OnnxProto> out = new ArrayList<>(List.of(
                OnnxProto.node(p + "_scale_all", "Expand", List.of(mul.inputs.get(1), p + "_vocab"),
                        List.of(p + "_scale_v")),
                OnnxProto.node(p + "_scale", "Gather", List.of(p + "_scale_v", p + "_ids"), List.of(p + "_scale_k"),
                        OnnxProto.intAttribute("axis", 0)),
                OnnxProto.node(p + "_mul", "Mul", List.of(mul.inputs.get(0), p + "_scale_k"), List.of(p + "_k"))));
        out.addAll(spread(p, mul.outputs.get(0)));
        return out;
    }

    /** y = Gather(Pad(p_k, one -inf column), index map, -1): the [.., K] logits back over the whole vocabulary. */
    private List<OnnxProto> spread(String p, String y) {
        long[] map = new long[vocabSize];
        java.util.Arrays.fill(map, allowed.length); // the -inf column
        for (int k = 0; k < allowed.length; k++) {
            map[(int) allowed[k]] = k;
        }
        return List.of(
                OnnxProto.int64Constant(p + "_pads", new long[] {6}, new long[] {0, 0, 0, 0, 0, 1}),
                OnnxProto.floatScalarConstant(p + "_minus_inf", Float.NEGATIVE_INFINITY),
                OnnxProto.node(p + "_pad", "Pad", List.of(p + "_k", p + "_pads", p + "_minus_inf"),
                        List.of(p + "_padded")),
                OnnxProto.int64Constant(p + "_map", new long[] {vocabSize}, map),
                OnnxProto.node(p + "_spread", "Gather", List.of(p + "_padded", p + "_map"), List.of(y),
                        OnnxProto.intAttribute("axis", -1)));
    }

    /** y = (DynamicQuantizeLinear(h) x Transpose(E) as int32) * h_scale * E_scale, zero points as given. */
    private static List<OnnxProto> replacement(Node matMul, Node dq, Node transpose) {
        String y = matMul.outputs.get(0);
        String p = y + "_int8_projection";
        String zeroPoint = dq.inputs.size() > 2 ? dq.inputs.get(2) : "";
        return List.of(
                OnnxProto.node(p + "_quantize", "DynamicQuantizeLinear", List.of(matMul.inputs.get(0)),
                        List.of(p + "_h", p + "_h_scale", p + "_h_zero_point")),
                OnnxProto.node(p + "_matmul", "MatMulInteger",
                        List.of(p + "_h", transpose.outputs.get(0), p + "_h_zero_point", zeroPoint),
                        List.of(p + "_int32")),
                OnnxProto.node(p + "_cast", "Cast", List.of(p + "_int32"), List.of(p + "_float"),
                        OnnxProto.intAttribute("to", OnnxProto.FLOAT)),
                OnnxProto.node(p + "_scales", "Mul", List.of(p + "_h_scale", dq.inputs.get(1)),
                        List.of(p + "_scale")),
                OnnxProto.node(p + "_scale_mul", "Mul", List.of(p + "_float", p + "_scale"), List.of(y)));
    }

    private Node node(Field f) {
        Node n = new Node();
        for (Field g : fields(f.valueStart, f.end)) {
            switch (g.number) {
                case NODE_INPUT -> n.inputs.add(string(g));
                case NODE_OUTPUT -> n.outputs.add(string(g));
                case NODE_OP_TYPE -> n.op = string(g);
                case NODE_ATTRIBUTE -> n.hasSubgraph |= fields(g.valueStart, g.end).stream()
                        .anyMatch(a -> a.number == ATTRIBUTE_GRAPH || a.number == ATTRIBUTE_GRAPHS);
                default -> { }
            }
        }
        return n;
    }

    private String string(Field f) {
        byte[] b = new byte[f.end - f.valueStart];
        file.get(f.valueStart, b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The fields of the message in [from, to), in order. */
    private List<Field> fields(int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] pos = {from};
        while (pos[0] < to) {
            int start = pos[0];
            long key = varint(pos);
            int wireType = (int) (key & 7);
            int valueStart = pos[0];
            int end = switch (wireType) {
                case 0 -> {
                    varint(pos);
                    yield pos[0];
                }
                case 1 -> valueStart + 8;
                case 5 -> valueStart + 4;
                case 2 -> {
                    long length = varint(pos);
                    valueStart = pos[0];
                    yield Math.toIntExact(valueStart + length);
                }
                default -> throw new IllegalStateException("unsupported protobuf wire type " + wireType);
            };
            if (end > to) {
                throw new IllegalStateException("truncated protobuf field at byte " + start);
            }
            out.add(new Field((int) (key >>> 3), wireType, start, valueStart, end));
            pos[0] = end;
        }
        return out;
    }

    private long varint(int[] pos) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = file.get(pos[0]++);
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    /** A field: the key at {@code start}, its value (after the length, if any) in [valueStart, end). */
    private record Field(int number, int wireType, int start, int valueStart, int end) {
    }

    private static final class Node {
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        String op = "";
        boolean hasSubgraph;
    }

    @FunctionalInterface
    private interface Rewriter {
        Rope rewrite(int from, int to);
    }

    /** Output as slices of the mapped file and new bytes, so the weights are never copied onto the heap. */
    private static final class Rope {
        private final List<ByteBuffer> parts = new ArrayList<>();
        private long length;

        static Rope of(byte[] bytes) {
            Rope r = new Rope();
            r.add(ByteBuffer.wrap(bytes));
            return r;
        }

        void slice(ByteBuffer file, int from, int to) {
            add(file.slice(from, to - from));
        }

        void lengthDelimited(int field, Rope value) {
            add(ByteBuffer.wrap(varint((long) field << 3 | 2)));
            add(ByteBuffer.wrap(varint(value.length)));
            parts.addAll(value.parts);
            length += value.length;
        }

        private static byte[] varint(long value) {
            byte[] out = new byte[10];
            int n = 0;
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out[n++] = (byte) v;
            return java.util.Arrays.copyOf(out, n);
        }

        private void add(ByteBuffer b) {
            parts.add(b);
            length += b.remaining();
        }

        void writeTo(FileChannel out) throws IOException {
            for (ByteBuffer b : parts) {
                ByteBuffer d = b.duplicate();
                while (d.hasRemaining()) {
                    out.write(d);
                }
            }
        }
    }
}
