package app.tarjim.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batching, cancellation, scores and variants on the tiny random Marian. */
class GenerationBehaviourTest {

    private static final List<String> TEXTS = List.of("w5 w6 w7", "w10", "w11 w12 w13 w14 w15 w16 w17 w18",
            "w20 w21", "w30 w31 w32 w33", "w40 w41 w42 w43 w44 w45", "w50");

    private static Seq2SeqModel model;
    private static Seq2SeqModel unbatched;

    @BeforeAll
    static void load() {
        model = Seq2SeqModel.load(TestModels.marianTiny(),
                ModelOptions.builder().intraOpThreads(1).maxBatchSize(3).build());
        unbatched = Seq2SeqModel.load(TestModels.marianTiny(),
                ModelOptions.builder().intraOpThreads(1).maxBatchSize(1).build());
    }

    @AfterAll
    static void close() {
        model.close();
        unbatched.close();
    }

    private static List<String> inputs() {
        return TEXTS;
    }

    @Test
    void batchedAndOneByOneGiveTheSameOutputs() {
        for (GenerationConfig config : List.of(
                GenerationConfig.builder().numBeams(1).maxNewTokens(12).build(),
                GenerationConfig.builder().numBeams(3).maxNewTokens(10).numReturnSequences(2).build())) {
            List<List<GeneratedSequence>> batched = model.generate(inputs(), config);
            List<List<GeneratedSequence>> single = unbatched.generate(inputs(), config);
            assertThat(batched).hasSize(inputs().size());
            for (int i = 0; i < batched.size(); i++) {
                for (int k = 0; k < batched.get(i).size(); k++) {
                    assertThat(batched.get(i).get(k).outputIds()).isEqualTo(single.get(i).get(k).outputIds());
                    assertThat(batched.get(i).get(k).logProbSum())
                            .isCloseTo(single.get(i).get(k).logProbSum(), org.assertj.core.data.Offset.offset(1e-3));
                }
            }
        }
    }

    @Test
    void outputsCarryInputsTextAndConsistentScores() {
        GenerationConfig beam = GenerationConfig.builder().numBeams(4).lengthPenalty(0.7).maxNewTokens(9).build();
        for (List<GeneratedSequence> outs : model.generate(inputs(), beam)) {
            GeneratedSequence s = outs.get(0);
            int generated = s.outputIds().length - 1;
            assertThat(s.outputIds()[0]).isEqualTo(model.defaults().decoderStartTokenId());
            assertThat(generated).isBetween(1, 9);
            assertThat(s.inputIds()[s.inputIds().length - 1]).isEqualTo(model.defaults().eosTokenId());
            assertThat(s.logProbSum()).isNegative().isFinite();
            assertThat(s.logProbMean()).isCloseTo(s.logProbSum() / generated, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.sequenceScore()).isCloseTo(s.logProbSum() / Math.pow(generated, 0.7),
                    org.assertj.core.data.Offset.offset(1e-4));
            assertThat(s.text()).doesNotContain("</s>").doesNotContain("<pad>");
        }
    }

    @Test
    void forcedEosEndsEverySequenceAtMaxLength() {
        for (List<GeneratedSequence> outs : model.generate(inputs(),
                GenerationConfig.builder().numBeams(1).maxNewTokens(3).build())) {
            long[] ids = outs.get(0).outputIds();
            assertThat(ids.length).isLessThanOrEqualTo(4);
            assertThat(ids[ids.length - 1]).isEqualTo(0L);
        }
    }

    @Test
    void cancellationStopsBetweenStepsAndTheModelStaysUsable() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> model.generate(inputs(), GenerationConfig.builder().numBeams(2).build(),
                () -> polls.incrementAndGet() > 3))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(polls.get()).isEqualTo(4);
        assertThat(model.generate(List.of("w5"), GenerationConfig.builder().maxNewTokens(4).build())).hasSize(1);
    }

    @Test
    void concurrentCallsGiveTheSameOutputs() throws Exception {
        GenerationConfig config = GenerationConfig.builder().numBeams(2).maxNewTokens(8).build();
        List<List<GeneratedSequence>> expected = model.generate(inputs(), config);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<List<GeneratedSequence>>>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> model.generate(inputs(), config)));
            }
            for (Future<List<List<GeneratedSequence>>> f : futures) {
                List<List<GeneratedSequence>> got = f.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(got.get(i).get(0).outputIds()).isEqualTo(expected.get(i).get(0).outputIds());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void quantizedVariantLoadsAndGenerates() {
        try (Seq2SeqModel q = Seq2SeqModel.load(TestModels.marianTiny(),
                ModelOptions.builder().variant(ModelVariant.QUANTIZED).intraOpThreads(1).build())) {
            assertThat(q.info().variant()).isEqualTo(ModelVariant.QUANTIZED);
            List<List<GeneratedSequence>> out = q.generate(inputs(),
                    GenerationConfig.builder().numBeams(2).maxNewTokens(8).build());
            for (List<GeneratedSequence> outs : out) {
                GeneratedSequence s = outs.get(0);
                assertThat(s.outputIds().length).isBetween(2, 9);
                assertThat(s.outputIds()[s.outputIds().length - 1]).isZero();
                assertThat(s.logProbSum()).isFinite().isNegative();
            }
        }
    }

    @Test
    void refusesInputsLongerThanThePositionTable() {
        List<long[]> tooLong = List.of(new long[model.maxInputTokens() + 1]);
        assertThatThrownBy(() -> model.generateFromIds(tooLong, GenerationConfig.EMPTY, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens");
    }
}
