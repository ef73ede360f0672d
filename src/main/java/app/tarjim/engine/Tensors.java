package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.onnxruntime.OnnxTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
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
        if (type == DataType.FLOAT32 && array instanceof OrtNDArray ort) {
            // One copy, straight into a heap float buffer; NDArray.toFloatArray copies twice (bytes, then floats).
            return readFloats(ort.getTensor());
        }
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
     * Float32 values of {@code array} into {@code reuse} when it is large enough (else a new array): the logits
     * of a batch of beams are megabytes per step, and a fresh array each step is a large allocation to zero and
     * collect. The values are in the first {@code size} entries of the returned array.
     */
    static float[] toFloats(NDArray array, float[] reuse) {
        if (array.getDataType() == DataType.FLOAT32 && array instanceof OrtNDArray ort) {
            ByteBuffer direct = nativeBytes(ort.getTensor());
            if (direct != null) {
                FloatBuffer values = direct.order(ByteOrder.nativeOrder()).asFloatBuffer();
                int size = values.remaining();
                float[] out = reuse != null && reuse.length >= size ? reuse : new float[size];
                values.get(out, 0, size);
                return out;
            }
        }
        return toFloats(array);
    }

    private static final java.lang.reflect.Method GET_BUFFER = findGetBuffer();

    /** OnnxTensor's private view of its native memory (no copy), when this ONNX Runtime version has it. */
    private static java.lang.reflect.Method findGetBuffer() {
        try {
            java.lang.reflect.Method m = OnnxTensor.class.getDeclaredMethod("getBuffer");
            m.setAccessible(true);
            return m.getReturnType() == ByteBuffer.class ? m : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static ByteBuffer nativeBytes(OnnxTensor tensor) {
        if (GET_BUFFER == null) {
            return null;
        }
        try {
            return (ByteBuffer) GET_BUFFER.invoke(tensor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static float[] readFloats(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.remaining()) {
            return buffer.array();
        }
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
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
