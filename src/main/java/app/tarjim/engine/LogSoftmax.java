package app.tarjim.engine;

/**
 * Log-softmax over one row of a row-major score array, stored as float like HF's float32 {@code log_softmax}.
 * The exponentials use a float approximation (relative error below 2e-7, as good as float32 itself) summed in
 * double: {@link Math#exp} over a 60k vocabulary per row per step was the largest cost of the Java loop.
 */
final class LogSoftmax {

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    private LogSoftmax() {
    }

    static double logSumExp(float[] scores, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, scores[i]);
        }
        return logSumExp(scores, offset, length, max);
    }

    /** As {@link #logSumExp(float[], int, int)} when the row's maximum is already known. */
    static double logSumExp(float[] scores, int offset, int length, float max) {
        if (max == Float.NEGATIVE_INFINITY || Float.isNaN(max)) {
            return max;
        }
        if (max == Float.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        // Four partial sums: one running sum is bound by the latency of each addition.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 3 < end; i += 4) {
            s0 += expNonPositive(scores[i] - max);
            s1 += expNonPositive(scores[i + 1] - max);
            s2 += expNonPositive(scores[i + 2] - max);
            s3 += expNonPositive(scores[i + 3] - max);
        }
        for (; i < end; i++) {
            s0 += expNonPositive(scores[i] - max);
        }
        return max + Math.log((s0 + s1) + (s2 + s3));
    }

    static void inPlace(float[] scores, int offset, int length) {
        float lse = (float) logSumExp(scores, offset, length);
        for (int i = offset; i < offset + length; i++) {
            scores[i] -= lse;
        }
    }

    /** e^x for x &lt;= 0 (Cephes expf: range reduction by ln 2, degree-6 polynomial). */
    static float expNonPositive(float x) {
        if (x < -87.3f) {
            return 0f; // also -inf and NaN-free: below float's normal range
        }
        // Round x / ln 2 to the nearest integer by adding 1.5 * 2^23 (the float keeps no fraction bits there).
        float shifted = x * LOG2E + ROUNDER;
        int n = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
        float fn = shifted - ROUNDER;
        float g = x - fn * LN2_HI - fn * LN2_LO;
        float p = 1.9875691500e-4f;
        p = p * g + 1.3981999507e-3f;
        p = p * g + 8.3334519073e-3f;
        p = p * g + 4.1665795894e-2f;
        p = p * g + 1.6666665459e-1f;
        p = p * g + 5.0000001201e-1f;
        float y = p * g * g + g + 1f;
        return y * Float.intBitsToFloat((n + 127) << 23);
    }
}
