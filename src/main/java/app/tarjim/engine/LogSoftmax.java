package app.tarjim.engine;

/**
 * Log-softmax over one row of a row-major score array, stored as float like HF's float32 {@code log_softmax}.
 * The exponentials use a float approximation (relative error below 2e-7, as good as float32 itself) summed in
 * double: {@link Math#exp} over a 60k vocabulary per row per step was the largest cost of the Java loop.
 * Terms more than {@link #SKIP_BELOW} below the row maximum are left out of the sum: together they weigh less
 * than 62,802 * e^-32 (below 1e-9 of the sum, which is at least 1), far under float32 rounding of the result and
 * under the approximation error of the exponentials themselves.
 */
final class LogSoftmax {

    /** Scores this far below the row maximum add nothing visible in float32 to the sum of exponentials. */
    static final float SKIP_BELOW = 32f;

    private static final int TABLE_BITS = 6;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    /** 64 / ln 2, and ln 2 / 64 split in a high part exact in float and a low remainder. */
    private static final float LOG2E_N = 92.33248261689366f;
    private static final float LN2_N_HI = 0.693359375f / TABLE_SIZE;
    private static final float LN2_N_LO = -2.12194440e-4f / TABLE_SIZE;
    /** Bits of 2^(j/64) as float, j = 0..63. */
    private static final int[] POW2_BITS = new int[TABLE_SIZE];

    static {
        for (int j = 0; j < TABLE_SIZE; j++) {
            POW2_BITS[j] = Float.floatToRawIntBits((float) Math.pow(2, j / (double) TABLE_SIZE));
        }
    }
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);

    private LogSoftmax() {
    }

    static double logSumExp(float[] scores, int offset, int length) {
        return logSumExp(scores, offset, length, max(scores, offset, length));
    }

    static float max(float[] scores, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, scores[i]);
        }
        return max;
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
            s0 += expOrSkip(scores[i] - max);
            s1 += expOrSkip(scores[i + 1] - max);
            s2 += expOrSkip(scores[i + 2] - max);
            s3 += expOrSkip(scores[i + 3] - max);
        }
        for (; i < end; i++) {
            s0 += expOrSkip(scores[i] - max);
        }
        return max + Math.log((s0 + s1) + (s2 + s3));
    }

    static void inPlace(float[] scores, int offset, int length) {
        float lse = (float) logSumExp(scores, offset, length);
        for (int i = offset; i < offset + length; i++) {
            scores[i] -= lse;
        }
    }

    /** {@link #expNonPositive} for x &gt;= -{@link #SKIP_BELOW}, else 0 (one test where the original has one). */
    private static float expOrSkip(float x) {
        return x < -SKIP_BELOW ? 0f : tableExp(x); // also -inf
    }

    /**
     * e^x for x &lt;= 0: x = (64 n + j) ln 2 / 64 + r with |r| &lt;= ln 2 / 128, e^x = 2^n * 2^(j/64) * e^r with
     * 2^(j/64) from a table and e^r - 1 by a cubic (error below 4e-11); relative error about 1.3e-7 in all.
     */
    static float expNonPositive(float x) {
        return x < -87.3f ? 0f : tableExp(x); // also -inf, and NaN-free: below float's normal range
    }

    /** The table exponential for -87.3 &lt;= x &lt;= 0. */
    private static float tableExp(float x) {
        // Round x * 64 / ln 2 to the nearest integer by adding 1.5 * 2^23 (the float keeps no fraction bits there).
        float shifted = x * LOG2E_N + ROUNDER;
        int k = Float.floatToRawIntBits(shifted) - ROUNDER_BITS;
        float fk = shifted - ROUNDER;
        float r = x - fk * LN2_N_HI - fk * LN2_N_LO;
        float p = r * (1f + r * (0.5f + r * 0.16666667f));
        float t = Float.intBitsToFloat(POW2_BITS[k & (TABLE_SIZE - 1)] + ((k >> TABLE_BITS) << 23));
        return t + t * p;
    }
}
