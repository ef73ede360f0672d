package app.tarjim.engine;

/** Log-softmax over one row of a row-major score array, accumulated in double, stored as float like HF. */
final class LogSoftmax {

    private LogSoftmax() {
    }

    static double logSumExp(float[] scores, int offset, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, scores[i]);
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += Math.exp(scores[i] - max);
        }
        return max + Math.log(sum);
    }

    static void inPlace(float[] scores, int offset, int length) {
        double lse = logSumExp(scores, offset, length);
        for (int i = offset; i < offset + length; i++) {
            scores[i] = (float) (scores[i] - lse);
        }
    }
}
