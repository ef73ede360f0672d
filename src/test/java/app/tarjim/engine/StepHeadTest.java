package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The step head graphs against the plain definitions they replace, computed here in double precision. */
class StepHeadTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;
    private static final int ROWS = 6;
    private static final int VOCAB = 1000;

    @TempDir
    Path tmp;

    @Test
    void greedyHeadPicksTheFirstArgmaxOfTheMaskedLogitsAndItsLogProbability() {
        float[] logits = randomLogits(1);
        logits[2 * VOCAB + 17] = 20f; // row 2: a tie between ids 17 and 400, and a masked id larger still
        logits[2 * VOCAB + 400] = 20f;
        logits[2 * VOCAB + 5] = 25f;
        float[] mask = new float[VOCAB];
        mask[5] = NEG_INF;
        mask[700] = NEG_INF;
        EngineCounters counters = new EngineCounters();
        try (StepHead head = new StepHead(tmp, ModelOptions.defaults(), counters);
             StepHead.Runners runners = head.newRunners();
             NDManager manager = NDManager.newBaseManager("OnnxRuntime");
             NDArray logitsArray = manager.create(logits, new Shape(ROWS, 1, VOCAB));
             NDArray maskArray = manager.create(mask, new Shape(VOCAB))) {
            // Row 3 also bans its own best id (and id 9) through the per-row bans; the other rows only pad.
            int row3Best = argmax(masked(logits, 3, mask));
            long[] banIds = new long[ROWS * 2];
            float[] banValues = new float[ROWS * 2];
            Arrays.fill(banValues, Float.POSITIVE_INFINITY);
            banIds[3 * 2] = row3Best;
            banIds[3 * 2 + 1] = 9;
            banValues[3 * 2] = NEG_INF;
            banValues[3 * 2 + 1] = NEG_INF;
            float[][] rowBans = new float[ROWS][VOCAB];
            rowBans[3][row3Best] = NEG_INF;
            rowBans[3][9] = NEG_INF;
            StepHead.GreedyPicks picks = runners.greedy(manager, logitsArray, maskArray,
                    new LogitsProcessors.StepMasks(mask, banIds, banValues, 2));
            assertThat(picks.tokens()).hasSize(ROWS);
            for (int r = 0; r < ROWS; r++) {
                double[] x = masked(logits, r, mask);
                for (int t = 0; t < VOCAB; t++) {
                    x[t] += rowBans[r][t];
                }
                int best = argmax(x);
                assertThat(picks.tokens()[r]).as("row %d", r).isEqualTo((long) best);
                assertThat((double) picks.logProbs()[r]).isCloseTo(x[best] - logSumExp(x), offset(1e-5));
            }
            assertThat(picks.tokens()[2]).isEqualTo(17L);
            assertThat(picks.tokens()[3]).isNotEqualTo((long) row3Best);
            assertThat(counters.headCalls.sum()).isEqualTo(1);
        }
    }

    @Test
    void beamHeadGivesEachRowsBestCandidatesOfLogSoftmaxPlusMaskPlusRowScore() {
        float[] logits = randomLogits(2);
        logits[VOCAB + 30] = 20f; // row 1: an exact tie, which must come out lower id first
        logits[VOCAB + 10] = 20f;
        float[] mask = new float[VOCAB];
        mask[0] = NEG_INF;
        float[] rowScores = {0f, -1.5f, -1e9f, -2.25f, -0.5f, -3f};
        int k = 8;
        try (StepHead head = new StepHead(tmp, ModelOptions.defaults(), new EngineCounters());
             StepHead.Runners runners = head.newRunners();
             NDManager manager = NDManager.newBaseManager("OnnxRuntime");
             NDArray logitsArray = manager.create(logits, new Shape(ROWS, VOCAB));
             NDArray maskArray = manager.create(mask, new Shape(VOCAB))) {
            // Row 4 bans ids 0 (already masked) and 200 on its own; the other rows pad.
            long[] banIds = new long[ROWS * 2];
            float[] banValues = new float[ROWS * 2];
            Arrays.fill(banValues, Float.POSITIVE_INFINITY);
            banIds[4 * 2 + 1] = 200;
            banValues[4 * 2] = NEG_INF;
            banValues[4 * 2 + 1] = NEG_INF;
            logits[4 * VOCAB + 200] = 30f; // would be row 4's best
            logitsArray.set(logits);
            StepHead.RowTops tops = runners.beamTops(manager, logitsArray, maskArray,
                    new LogitsProcessors.StepMasks(mask, banIds, banValues, 2), rowScores, k);
            assertThat(tops.values()).hasSize(ROWS * k);
            for (int r = 0; r < ROWS; r++) {
                double[] x = masked(logits, r, new float[VOCAB]);
                double lse = logSumExp(x);
                Integer[] order = new Integer[VOCAB];
                Arrays.setAll(order, i -> i);
                float[] s = new float[VOCAB];
                for (int t = 0; t < VOCAB; t++) {
                    // float32 like HF: at a row score of -1e9 the candidates tie and the lower id wins
                    float ban = r == 4 && t == 200 ? NEG_INF : 0f;
                    s[t] = ((float) (x[t] - lse) + mask[t] + ban) + rowScores[r];
                }
                Arrays.sort(order, (a, b) -> Float.compare(s[b], s[a])); // stable: lower id first on ties
                for (int c = 0; c < k; c++) {
                    assertThat(tops.indices()[r * k + c]).as("row %d candidate %d", r, c).isEqualTo((long) order[c]);
                    assertThat((double) tops.values()[r * k + c]).isCloseTo(s[order[c]], offset(1e-4 * Math.max(1, Math.abs(s[order[c]]))));
                }
            }
            assertThat(tops.indices()[k]).isEqualTo(10L);
            assertThat(tops.indices()[k + 1]).isEqualTo(30L);
            assertThat(Arrays.stream(tops.indices()).anyMatch(i -> i == 0)).isFalse();
            assertThat(Arrays.stream(tops.indices(), 4 * k, 5 * k).anyMatch(i -> i == 200)).isFalse();
        }
    }

    @Test
    void generationUsesTheHeadGraphsOnlyWhenAskedAndForLargeStepsAndGivesTheSameTokensEitherWay() {
        List<long[]> inputs = List.of(new long[] {5, 6, 7, 0}, new long[] {9, 0});
        GenerationConfig greedy = GenerationConfig.builder().numBeams(1).maxNewTokens(6).build();
        GenerationConfig beam = GenerationConfig.builder().numBeams(3).maxNewTokens(6).build();
        try (Seq2SeqModel inGraph = Seq2SeqModel.load(TestModels.marianTiny(), ModelOptions.builder()
                .intraOpThreads(1).reduceInGraphFrom(0).build());
             Seq2SeqModel smallStepsInJava = Seq2SeqModel.load(TestModels.marianTiny(), ModelOptions.builder()
                     .intraOpThreads(1).build());
             Seq2SeqModel inJava = Seq2SeqModel.load(TestModels.marianTiny(), ModelOptions.builder()
                     .intraOpThreads(1).reduceInGraph(false).build())) {
            for (GenerationConfig config : List.of(greedy, beam)) {
                List<List<GeneratedSequence>> a = inGraph.generateFromIds(inputs, config, () -> false);
                List<List<GeneratedSequence>> b = inJava.generateFromIds(inputs, config, () -> false);
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(a.get(i).get(0).outputIds()).isEqualTo(b.get(i).get(0).outputIds());
                    assertThat(a.get(i).get(0).logProbSum()).isCloseTo(b.get(i).get(0).logProbSum(), offset(1e-4));
                }
            }
            smallStepsInJava.generateFromIds(inputs, beam, () -> false);
            assertThat(inGraph.stats().headNanos()).isPositive();
            assertThat(inJava.stats().headNanos()).isZero();
            assertThat(smallStepsInJava.stats().headNanos()).as("a few rows of a small vocabulary stay in Java").isZero();
        }
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int t = 1; t < x.length; t++) {
            if (x[t] > x[best]) {
                best = t;
            }
        }
        return best;
    }

    private static float[] randomLogits(long seed) {
        Random random = new Random(seed);
        float[] logits = new float[ROWS * VOCAB];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 3);
        }
        return logits;
    }

    private static double[] masked(float[] logits, int row, float[] mask) {
        double[] x = new double[VOCAB];
        for (int t = 0; t < VOCAB; t++) {
            x[t] = (double) logits[row * VOCAB + t] + mask[t];
        }
        return x;
    }

    private static double logSumExp(double[] x) {
        double max = Arrays.stream(x).max().orElseThrow();
        return max + Math.log(Arrays.stream(x).map(v -> Math.exp(v - max)).sum());
    }
}
