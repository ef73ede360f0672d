package app.tarjim.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token-exact comparison with goldens from Hugging Face {@code generate()} (PyTorch, transformers 5) and from
 * transformers.js (greedy), for the merged decoder and the split decoder pair, with each step reduced by the step
 * head graphs in ONNX Runtime where the processors allow it, and (split decoder) all in Java. Inputs are the goldens' own
 * input ids, so these tests check generation alone; tokenisation is checked in {@link TokenizerGoldenTest}.
 */
class HfGoldenTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path GOLDEN = ROOT.resolve("src/test/resources/fixtures/golden");
    /** HF's float32 scores against ours: same maths, different summation order. */
    private static final double SCORE_TOLERANCE = 1e-4;

    private static final Map<String, Seq2SeqModel> MODELS = new HashMap<>();

    @AfterAll
    static void closeModels() {
        MODELS.values().forEach(Seq2SeqModel::close);
        MODELS.clear();
    }

    @TestFactory
    Stream<DynamicTest> huggingFaceGoldens() {
        return goldenTests(Path.of(System.getProperty("tarjim.golden.hf", GOLDEN.resolve("hf_generate.jsonl").toString())));
    }

    @TestFactory
    Stream<DynamicTest> transformersJsGoldens() {
        return goldenTests(Path.of(System.getProperty("tarjim.golden.tjs",
                GOLDEN.resolve("transformersjs_generate.jsonl").toString())));
    }

    private Stream<DynamicTest> goldenTests(Path file) {
        assertTrue(Files.isRegularFile(file), "golden file missing: " + file);
        List<GoldenCase> cases = GoldenCase.read(file, ROOT);
        assertTrue(!cases.isEmpty(), "no cases in " + file);
        List<DynamicTest> tests = new ArrayList<>();
        for (String configuration : List.of("merged", "split", "split-java")) {
            boolean merged = configuration.equals("merged");
            boolean inGraph = !configuration.endsWith("java");
            for (GoldenCase c : cases) {
                String label = c.model() + "/" + c.name() + " [" + configuration + "]";
                tests.add(DynamicTest.dynamicTest(label, () -> check(c, merged, inGraph)));
            }
        }
        return tests.stream();
    }

    static Seq2SeqModel model(Path dir, boolean merged) {
        return model(dir, merged, true);
    }

    static Seq2SeqModel model(Path dir, boolean merged, boolean inGraph) {
        return MODELS.computeIfAbsent(dir + "|" + merged + "|" + inGraph, k -> Seq2SeqModel.load(dir,
                ModelOptions.builder().preferMergedDecoder(merged).reduceInGraph(inGraph)
                        .reduceInGraphFrom(0).intraOpThreads(1).build()));
    }

    private static void check(GoldenCase c, boolean merged, boolean inGraph) {
        Seq2SeqModel model = model(c.modelDir(), merged, inGraph);
        assertEquals(merged, model.usesMergedDecoder(), "decoder layout");
        List<List<GeneratedSequence>> out = model.generateFromIds(c.inputIds(), c.overrides(), () -> false);
        int perInput = c.numReturnSequences();
        assertEquals(c.sequences().size(), out.size() * perInput, "number of sequences");
        for (int i = 0; i < out.size(); i++) {
            assertEquals(perInput, out.get(i).size(), "sequences for input " + i);
            for (int k = 0; k < perInput; k++) {
                int row = i * perInput + k;
                GeneratedSequence got = out.get(i).get(k);
                String where = "input " + i + " sequence " + k + ": expected "
                        + Arrays.toString(c.sequences().get(row)) + " got " + Arrays.toString(got.outputIds());
                assertArrayEquals(c.sequences().get(row), got.outputIds(), where);
                if (c.sequencesScores() != null) {
                    assertEquals(c.sequencesScores()[row], got.sequenceScore(), SCORE_TOLERANCE,
                            "sequences_scores of input " + i + " sequence " + k);
                }
            }
        }
    }
}
