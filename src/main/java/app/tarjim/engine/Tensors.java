package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * The few tensor operations the engine needs, done in Java: the ONNX Runtime engine of DJL offers creation and
 * read-back, not arithmetic.
 */
final class Tensors {

    private Tensors() {
    }

    static NDArray longs(NDManager manager, String name, long[] data, long... shape) {
        NDArray array = manager.create(data, new Shape(shape));
        array.setName(name);
        return array;
    }

    /** A tensor with no elements, e.g. the zero-length past key/values of the merged decoder's first step. */
    static NDArray empty(NDManager manager, String name, DataType type, long... shape) {
        ByteBuffer none = manager.allocateDirect(0);
        NDArray array = manager.create(none, new Shape(shape), type);
        array.setName(name);
        return array;
    }

    /** Reads float32 or float16 values as float32. */
    static float[] toFloats(NDArray array) {
        DataType type = array.getDataType();
        if (type == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        if (type == DataType.FLOAT16) {
            ShortBuffer halves = array.toByteBuffer().order(ByteOrder.nativeOrder()).asShortBuffer();
            float[] out = new float[halves.remaining()];
            for (int i = 0; i < out.length; i++) {
                out[i] = halfToFloat(halves.get(i));
            }
            return out;
        }
        throw new IllegalStateException("Expected float logits, got " + type + " for " + array.getName());
    }

    /**
     * Builds a new tensor from rows (first dimension) of {@code source}, in the given order; rows may repeat.
     * Works on raw bytes, so any element type is kept as it is.
     */
    static NDArray gatherRows(NDManager manager, NDArray source, int[] rows) {
        Shape shape = source.getShape();
        ByteBuffer src = source.toByteBuffer().order(ByteOrder.nativeOrder());
        int rowBytes = Math.toIntExact(src.remaining() / shape.get(0));
        ByteBuffer dst = manager.allocateDirect(rowBytes * rows.length).order(ByteOrder.nativeOrder());
        for (int row : rows) {
            dst.put(dst.position(), src, row * rowBytes, rowBytes);
            dst.position(dst.position() + rowBytes);
        }
        dst.rewind();
        long[] dims = shape.getShape().clone();
        dims[0] = rows.length;
        NDArray out = manager.create(dst, new Shape(dims), source.getDataType());
        out.setName(source.getName());
        return out;
    }

    static boolean isIdentity(int[] rows, long size) {
        if (rows.length != size) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** IEEE 754 half to float (Float.float16ToFloat arrives only in Java 20). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float value = mant / 1024f / 16384f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
