package app.tarjim.bench;

import app.tarjim.engine.EngineStats;
import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.List;

/**
 * Quick before/after check for one variant: greedy and beam 4, 1 and 16 inputs, best of RUNS, Java/ORT share and a
 * checksum of the output ids (so two builds can be compared for identical outputs). Reads the inputs that
 * GenerationBenchmark wrote next to the model. Args: MODEL THREADS NEW_TOKENS RUNS [fp32|int8].
 */
public final class QuickBench {

    private QuickBench() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int newTokens = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        ModelVariant variant = args.length > 4 && args[4].equals("int8") ? ModelVariant.QUANTIZED : ModelVariant.FP32;
        List<long[]> inputs = new ObjectMapper().readValue(model.resolveSibling("bench-inputs.json").toFile(),
                new TypeReference<List<long[]>>() { });
        try (Seq2SeqModel m = Seq2SeqModel.load(model, ModelOptions.builder().variant(variant)
                .intraOpThreads(threads).maxBatchSize(16)
                .preferMergedDecoder(Boolean.parseBoolean(System.getProperty("qb.merged", "true")))
                .spinWait(Boolean.getBoolean("qb.spin"))
                .reduceInGraph(Boolean.parseBoolean(System.getProperty("qb.head", "true")))
                .reduceInGraphFrom(Long.getLong("qb.headFrom", ModelOptions.defaults().reduceInGraphFrom()))
                .foldDequantize(Boolean.parseBoolean(System.getProperty("qb.fold", "true")))
                .int8OutputProjection(Boolean.getBoolean("qb.int8mm"))
                .build())) {
            for (int beams : java.util.Arrays.stream(System.getProperty("qb.beams", "1,4").split(",")).mapToInt(Integer::parseInt).toArray()) {
                for (String size : System.getProperty("qb.sizes", "1,16").split(",")) {
                    boolean batch = size.equals("16");
                    List<long[]> in = batch ? inputs : inputs.subList(0, 1);
                    GenerationConfig config = GenerationConfig.builder().numBeams(beams).maxNewTokens(newTokens)
                            .minNewTokens(newTokens).noRepeatNgramSize(Integer.getInteger("qb.ngram", 0)).build();
                    m.generateFromIds(in, config, () -> false);
                    double best = Double.MAX_VALUE;
                    double bestShare = 0;
                    long tokens = 0;
                    long checksum = 0;
                    double scoreSum = 0;
                    for (int r = 0; r < runs; r++) {
                        m.resetStats();
                        long start = System.nanoTime();
                        List<List<GeneratedSequence>> out = m.generateFromIds(in, config, () -> false);
                        long elapsed = System.nanoTime() - start;
                        EngineStats stats = m.stats();
                        if (elapsed / 1e6 < best) {
                            best = elapsed / 1e6;
                            bestShare = (double) stats.onnxNanos() / elapsed;
                        }
                        tokens = out.stream().mapToLong(o -> o.get(0).outputIds().length - 1L).sum();
                        checksum = 0;
                        scoreSum = 0;
                        for (List<GeneratedSequence> o : out) {
                            for (long id : o.get(0).outputIds()) {
                                checksum = checksum * 31 + id;
                            }
                            scoreSum += o.get(0).logProbSum();
                        }
                    }
                    System.out.printf("%s beams=%d inputs=%2d wall=%8.1f ms tok/s=%7.1f Java/ORT=%5.1f%% ids=%x logProbSum=%.6f%n",
                            variant, beams, in.size(), best, tokens / (best / 1000), 100 * (1 - bestShare) / bestShare,
                            checksum, scoreSum);
                }
            }
        }
    }
}
