package app.tarjim.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogSoftmaxTest {

    @Test
    void fastExpIsAsAccurateAsFloat() {
        Random random = new Random(1);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            float x = -87f * random.nextFloat();
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(LogSoftmax.expNonPositive(x) - exact) / exact);
        }
        assertThat(worst).isLessThan(2e-7);
        assertThat(LogSoftmax.expNonPositive(0f)).isEqualTo(1f);
        assertThat(LogSoftmax.expNonPositive(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(LogSoftmax.expNonPositive(-100f)).isZero();
    }

    @Test
    void logSoftmaxMatchesTheDoubleFormula() {
        Random random = new Random(2);
        float[] row = new float[62_802];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (random.nextGaussian() * 4);
        }
        row[17] = Float.NEGATIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        float[] copy = row.clone();
        LogSoftmax.inPlace(copy, 0, copy.length);
        for (int i = 0; i < row.length; i += 97) {
            assertThat((double) copy[i]).isCloseTo(row[i] - lse, within(2e-6));
        }
        assertThat(copy[17]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void rowOfMinusInfinityStaysMinusInfinity() {
        float[] row = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        assertThat(LogSoftmax.logSumExp(row, 0, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void termsFarBelowTheMaximumAreLeftOutWithoutVisibleEffect() {
        // A trained model's row: a few plausible tokens, most of the vocabulary 40 or more below the maximum.
        Random random = new Random(3);
        float[] row = new float[62_802];
        for (int i = 0; i < row.length; i++) {
            row[i] = i % 1000 == 0 ? (float) (random.nextGaussian() * 3) : (float) (-40 + random.nextGaussian() * 8);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        double exact = max + Math.log(sum);
        double fast = LogSoftmax.logSumExp(row, 0, row.length);
        assertThat(fast).isCloseTo(exact, within(1e-6));
        assertThat((float) fast).isCloseTo((float) exact, within(Math.ulp((float) exact) * 2));
    }
}
