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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        // All variants loaded at once and measured in turn, run by run: on a shared machine the load changes by
        // the minute, so rows measured one variant after another were not comparable.
        Map<String, Seq2SeqModel> models = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        try {
            for (String label : System.getProperty("gb.variants", "fp32,int8,int8-dq,int8-mm").split(",")) {
                long rssBefore = rssKb();
                long loadStart = System.nanoTime();
                models.put(label, Seq2SeqModel.load(model, options(label, threads).build()));
                System.out.printf("load %-8s %8.0f ms, resident memory +%d MB%n", label,
                        (System.nanoTime() - loadStart) / 1e6, (rssKb() - rssBefore) / 1024);
            }
            for (String beams : System.getProperty("gb.beams", "1,4").split(",")) {
                for (boolean batch : new boolean[] {false, true}) {
                    results.addAll(measure(models, Integer.parseInt(beams), batch ? inputs : inputs.subList(0, 1),
                            newTokens, runs));
                }
            }
        } finally {
            models.values().forEach(Seq2SeqModel::close);
        }
        List<String> order = new ArrayList<>(models.keySet());
        results.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.variant())));
        // -Dgb.transformersJs=false: the Java engine only (e.g. NLLB, whose comparison is full vs English-only)
        JsonNode tjs = Boolean.parseBoolean(System.getProperty("gb.transformersJs", "true"))
                ? runTransformersJs(model, inputsFile, threads, newTokens, runs) : null;
        print(results, tjs);
    }

    /** VmRSS of this process in kB (Linux), -1 elsewhere. */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
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

    private static ModelOptions.Builder options(String label, int threads) {
        // languages matter to multilingual models (NLLB) only; Marian and BART ignore them
        ModelOptions.Builder options = ModelOptions.builder().intraOpThreads(threads).maxBatchSize(BATCH)
                .sourceLanguage("arb_Arab").targetLanguage("eng_Latn");
        options.variant(label.startsWith("fp32") ? ModelVariant.FP32 : ModelVariant.QUANTIZED);
        switch (label) {
            case "fp32", "int8" -> { }
            case "fp32-en", "int8-en" -> options.englishOnlyOutput(true); // NLLB: English-only output vocabulary
            case "int8-dq" -> options.foldDequantize(false); // ONNX Runtime's default: dequantized every step
            case "int8-mm" -> options.int8OutputProjection(true);
            default -> throw new IllegalArgumentException("gb.variants: fp32, int8, int8-dq, int8-mm, fp32-en or int8-en, not " + label);
        }
        return options;
    }

    /** One warm-up each, then RUNS rounds in which every variant runs once; best run per variant. */
    private static List<Result> measure(Map<String, Seq2SeqModel> models, int beams, List<long[]> inputs,
                                        int newTokens, int runs) {
        GenerationConfig config = GenerationConfig.builder().numBeams(beams).maxNewTokens(newTokens)
                .minNewTokens(newTokens).build();
        models.values().forEach(m -> m.generateFromIds(inputs, config, () -> false));
        int n = models.size();
        double[][] wall = new double[n][runs];
        double[][] share = new double[n][runs];
        double[][] copies = new double[n][runs];
        double[][] heads = new double[n][runs];
        double[][] gathers = new double[n][runs];
        long[] tokens = new long[n];
        for (int r = 0; r < runs; r++) {
            int v = 0;
            for (Seq2SeqModel model : models.values()) {
                model.resetStats();
                long start = System.nanoTime();
                List<List<GeneratedSequence>> out = model.generateFromIds(inputs, config, () -> false);
                long elapsed = System.nanoTime() - start;
                EngineStats stats = model.stats();
                wall[v][r] = elapsed / 1e6;
                share[v][r] = (double) stats.onnxNanos() / elapsed;
                copies[v][r] = (double) stats.copyNanos() / elapsed;
                heads[v][r] = (double) stats.headNanos() / elapsed;
                gathers[v][r] = (double) stats.gatherNanos() / elapsed;
                tokens[v] = out.stream().mapToLong(o -> o.get(0).outputIds().length - 1L).sum();
                v++;
            }
        }
        List<Result> out = new ArrayList<>();
        int v = 0;
        for (String label : models.keySet()) {
            int best = fastest(wall[v]);
            out.add(new Result(label, beams == 1 ? "greedy" : "beam " + beams,
                    inputs.size() == 1 ? "1 sentence" : inputs.size() + " sentences", wall[v][best], tokens[v],
                    share[v][best], copies[v][best], gathers[v][best], heads[v][best]));
            v++;
        }
        return out;
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
