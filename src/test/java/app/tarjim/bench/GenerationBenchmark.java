package app.tarjim.bench;

import app.tarjim.engine.EngineStats;
import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generation speed of the Java engine (greedy and beam 4, one sentence and a batch of 16, fp32 and int8), the
 * share of wall time inside ONNX Runtime, and transformers.js on the same model and ids (greedy only: it has no
 * beam search). Run with bench/run.sh. Every sequence gets exactly NEW_TOKENS tokens (min = max new tokens),
 * so random weights do the same work as a trained model would.
 */
public final class GenerationBenchmark {

    private static final int BATCH = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerationBenchmark() {
    }

    /**
     * Shares of wall time: {@code onnxShare} in the model's graphs (encoder, decoder), {@code headShare} in the step
     * head graphs, {@code gatherShare} in the cache-row Gather graph, {@code copyShare} reading logits into Java;
     * the rest is the Java loop.
     */
    record Result(String variant, String search, String inputs, double wallMs, long tokens, double onnxShare,
                  double copyShare, double gatherShare, double headShare) {
        double msPerToken() {
            return wallMs / tokens;
        }

        double tokensPerSecond() {
            return tokens / (wallMs / 1000);
        }
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int newTokens = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        List<long[]> inputs = inputs(model);
        Path inputsFile = model.resolveSibling("bench-inputs.json");
        Files.writeString(inputsFile, JSON.writeValueAsString(inputs));

        System.out.printf("model %s, %d intra-op threads, %d new tokens per sequence, best of %d runs%n",
                model, threads, newTokens, runs);
        List<Result> results = new ArrayList<>();
        for (String label : System.getProperty("gb.variants", "fp32,int8,int8-dq,int8-mm").split(",")) {
            ModelOptions.Builder options = ModelOptions.builder().intraOpThreads(threads).maxBatchSize(BATCH);
            options.variant(label.equals("fp32") ? ModelVariant.FP32 : ModelVariant.QUANTIZED);
            if (label.equals("int8-dq")) {
                options.foldDequantize(false); // ONNX Runtime's default: the int8 weights dequantized every step
            } else if (label.equals("int8-mm")) {
                options.int8OutputProjection(true);
            } else if (!label.equals("fp32") && !label.equals("int8")) {
                throw new IllegalArgumentException("gb.variants: fp32, int8, int8-dq or int8-mm, not " + label);
            }
            try (Seq2SeqModel m = Seq2SeqModel.load(model, options.build())) {
                for (int beams : new int[] {1, 4}) {
                    for (boolean batch : new boolean[] {false, true}) {
                        results.add(measure(m, label, beams, batch ? inputs : inputs.subList(0, 1), newTokens,
                                runs));
                    }
                }
            }
        }
        JsonNode tjs = runTransformersJs(model, inputsFile, threads, newTokens, runs);
        print(results, tjs);
    }

    /** Sixteen inputs of 12 to 40 random ids, ending with eos, fixed seed. */
    private static List<long[]> inputs(Path model) throws IOException {
        JsonNode config = JSON.readTree(model.resolve("config.json").toFile());
        int vocab = config.get("vocab_size").asInt();
        long eos = config.get("eos_token_id").asLong();
        Random random = new Random(7);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            long[] ids = new long[12 + random.nextInt(29)];
            for (int k = 0; k < ids.length - 1; k++) {
                ids[k] = 2 + random.nextInt(vocab - 3);
            }
            ids[ids.length - 1] = eos;
            out.add(ids);
        }
        return out;
    }

    private static Result measure(Seq2SeqModel model, String variant, int beams, List<long[]> inputs,
                                  int newTokens, int runs) {
        GenerationConfig config = GenerationConfig.builder().numBeams(beams).maxNewTokens(newTokens)
                .minNewTokens(newTokens).build();
        model.generateFromIds(inputs, config, () -> false); // warm-up
        double[] wall = new double[runs];
        double[] share = new double[runs];
        double[] copies = new double[runs];
        double[] heads = new double[runs];
        double[] gathers = new double[runs];
        long tokens = 0;
        for (int r = 0; r < runs; r++) {
            model.resetStats();
            long start = System.nanoTime();
            List<List<GeneratedSequence>> out = model.generateFromIds(inputs, config, () -> false);
            long elapsed = System.nanoTime() - start;
            EngineStats stats = model.stats();
            wall[r] = elapsed / 1e6;
            share[r] = (double) stats.onnxNanos() / elapsed;
            copies[r] = (double) stats.copyNanos() / elapsed;
            heads[r] = (double) stats.headNanos() / elapsed;
            gathers[r] = (double) stats.gatherNanos() / elapsed;
            tokens = out.stream().mapToLong(o -> o.get(0).outputIds().length - 1L).sum();
        }
        int mid = fastest(wall);
        return new Result(variant, beams == 1 ? "greedy" : "beam " + beams,
                inputs.size() == 1 ? "1 sentence" : inputs.size() + " sentences", wall[mid], tokens, share[mid],
                copies[mid], gathers[mid], heads[mid]);
    }

    /** Best of the runs: on a shared machine the other tenants only ever add time. */
    private static int fastest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static JsonNode runTransformersJs(Path model, Path inputsFile, int threads, int newTokens, int runs) {
        try {
            Process p = new ProcessBuilder("node", "bench/tjs_bench.mjs", model.toString(), inputsFile.toString(),
                    Integer.toString(threads), Integer.toString(newTokens), Integer.toString(runs))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                System.out.println("transformers.js run failed (exit " + p.exitValue() + ")");
                return null;
            }
            String[] lines = out.split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            System.out.println("transformers.js not run: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void print(List<Result> results, JsonNode tjs) {
        System.out.println();
        System.out.printf("%-7s %-7s %-13s %8s %8s %8s %6s %6s %6s %6s %6s %8s %9s | %9s %9s %7s%n", "var", "search",
                "inputs", "wall ms", "ms/token", "tokens/s", "model", "head", "gather", "copy", "Java", "Java/ORT",
                "outside/m", "tjs ms/tk", "tjs tok/s", "speedup");
        for (Result r : results) {
            String tjsCells = String.format("%9s %9s %7s", "-", "-", "-");
            if (tjs != null && r.search().equals("greedy")) {
                JsonNode t = tjs.path(r.variant().equals("fp32") ? "fp32" : "quantized")
                        .path(r.inputs().startsWith("1 ") ? "single" : "batch");
                double tjsTps = t.path("tokens_per_s").asDouble();
                tjsCells = String.format("%9.2f %9.1f %6.2fx", t.path("ms_per_token").asDouble(), tjsTps,
                        r.tokensPerSecond() / tjsTps);
            }
            double ort = r.onnxShare() + r.headShare() + r.gatherShare();
            double outside = 1 - ort;
            System.out.printf("%-7s %-7s %-13s %8.1f %8.2f %8.1f %5.1f%% %5.1f%% %5.1f%% %5.1f%% %5.1f%% %7.1f%% %8.1f%% | %s%n",
                    r.variant(), r.search(), r.inputs(), r.wallMs(), r.msPerToken(), r.tokensPerSecond(),
                    100 * r.onnxShare(), 100 * r.headShare(), 100 * r.gatherShare(), 100 * r.copyShare(),
                    100 * (outside - r.copyShare()), 100 * outside / ort, 100 * (1 - r.onnxShare()) / r.onnxShare(),
                    tjsCells);
        }
        System.out.println();
        System.out.println("Shares of wall time: model = ONNX Runtime runs of the model's encoder and decoder; head ="
                + " runs of the step head graphs (log-softmax with argmax or top-k of each step's logits); gather ="
                + " runs of the Gather graph that reorders cache rows; copy = reading logits into Java; Java = the rest.");
        System.out.println("Java/ORT = (copy + Java) / (model + head + gather): the loop's time outside ONNX Runtime"
                + " relative to the time inside; outside/m = everything but the model's own runs, relative to them.");
        System.out.println("var: fp32; int8 = the _quantized files as loaded by default (constant DequantizeLinear"
                + " folded at load); int8-dq = the same files with ONNX Runtime's default (dequantized every step);"
                + " int8-mm = the output projection in int8 (MatMulInteger; numerics change).");
        System.out.println("tokens: generated tokens of the returned (best) sequence per input; speedup: Java"
                + " tokens/s over transformers.js tokens/s (greedy; transformers.js has no beam search).");
    }
}
