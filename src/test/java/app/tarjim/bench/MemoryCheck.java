package app.tarjim.bench;

import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.Seq2SeqModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs many generate calls on one model and prints the resident set size every so often, to show that native
 * memory (ONNX Runtime tensors, tokenizer encodings) is released. Run with bench/memory.sh.
 *
 * <p>Arguments: model folder, number of calls (default 10000), report interval (default 1000).
 */
public final class MemoryCheck {

    private MemoryCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path modelDir = Path.of(args[0]);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        List<String> inputs = List.of("w5 w6 w7 w8", "hello world, this is a test", "مرحبا بالعالم");
        // no_repeat_ngram on the beam calls, so that the head graphs' per-row bans are exercised as well.
        GenerationConfig greedy = GenerationConfig.builder().numBeams(1).maxNewTokens(12).build();
        GenerationConfig beam = GenerationConfig.builder().numBeams(3).maxNewTokens(12).numReturnSequences(2)
                .noRepeatNgramSize(2).build();
        // -Dmc.headFrom=0 sends every step through the step head graphs (the tiny model's steps are too small
        // for them by default).
        long headFrom = Long.getLong("mc.headFrom", ModelOptions.defaults().reduceInGraphFrom());
        try (Seq2SeqModel model = Seq2SeqModel.load(modelDir, ModelOptions.builder().intraOpThreads(1)
                .reduceInGraphFrom(headFrom).build())) {
            System.out.printf("model %s, %d calls (alternating greedy and beam 3 over %d inputs)%n",
                    modelDir, calls, inputs.size());
            System.out.printf("calls=%6d rss=%s%n", 0, rss());
            long start = System.nanoTime();
            for (int i = 1; i <= calls; i++) {
                model.generate(inputs, i % 2 == 0 ? greedy : beam);
                if (i % every == 0) {
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("calls=%6d rss=%s heap_used=%d MiB elapsed=%.1f s%n", i, rss(),
                            (rt.totalMemory() - rt.freeMemory()) >> 20, (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }

    private static String rss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.substring("VmRSS:".length()).trim())
                .findFirst().orElse("?");
    }
}
