package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trained demo models through the public text API: text in, text out. fp32 must give Hugging Face's text
 * (goldens), the int8 variant (no golden) must load and give mostly the same translations.
 */
class DemoModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MARIAN = TestModels.ROOT.resolve("models/demo/marian-ar-en-demo");

    /** Arabic inputs of the Marian demo golden cases. */
    private static List<String> arabicInputs() throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        for (String line : Files.readAllLines(HfGoldenTest.GOLDEN.resolve("hf_generate.jsonl"))) {
            JsonNode c = JSON.readTree(line);
            if (c.path("model").asText().equals("marian-ar-en-demo")) {
                c.path("inputs").forEach(t -> texts.add(t.asText()));
            }
        }
        return new ArrayList<>(texts);
    }

    @Test
    void textApiReproducesTheGoldenGreedyTranslation() throws IOException {
        JsonNode golden = null;
        for (String line : Files.readAllLines(HfGoldenTest.GOLDEN.resolve("hf_generate.jsonl"))) {
            JsonNode c = JSON.readTree(line);
            if (c.path("case").asText().equals("marian-ar-en-demo/greedy")) {
                golden = c;
            }
        }
        assertThat(golden).as("golden case marian-ar-en-demo/greedy").isNotNull();
        try (Seq2SeqModel model = Seq2SeqModel.load(MARIAN, ModelOptions.builder().intraOpThreads(1).build())) {
            GeneratedSequence out = model.generate(List.of(golden.path("inputs").get(0).asText()),
                    GenerationConfig.builder().numBeams(1).build()).get(0).get(0);
            long[] expected = GoldenCase.ids(golden.path("sequences")).get(0);
            assertThat(out.outputIds()).isEqualTo(expected);
            assertThat(out.text()).isEqualTo(model.decode(expected)).isNotBlank();
            assertThat(out.logProbMean()).isBetween(-5.0, 0.0);
        }
    }

    @Test
    void quantizedDemoTranslatesLikeFp32() throws IOException {
        List<String> inputs = arabicInputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(10);
        GenerationConfig config = GenerationConfig.builder().numBeams(4).build();
        try (Seq2SeqModel fp32 = Seq2SeqModel.load(MARIAN, ModelOptions.builder().intraOpThreads(1).build());
             Seq2SeqModel int8 = Seq2SeqModel.load(MARIAN, ModelOptions.builder().intraOpThreads(1)
                     .variant(ModelVariant.QUANTIZED).build())) {
            List<List<GeneratedSequence>> a = fp32.generate(inputs, config);
            List<List<GeneratedSequence>> b = int8.generate(inputs, config);
            int same = 0;
            for (int i = 0; i < inputs.size(); i++) {
                GeneratedSequence q = b.get(i).get(0);
                assertThat(q.text()).isNotBlank();
                assertThat(q.outputIds()[q.outputIds().length - 1]).isEqualTo(int8.defaults().eosTokenId());
                if (q.text().equals(a.get(i).get(0).text())) {
                    same++;
                }
            }
            System.out.printf("int8 demo Marian: %d of %d beam-4 translations equal fp32%n", same, inputs.size());
            assertThat(same).isGreaterThanOrEqualTo(inputs.size() * 6 / 10);
        }
    }
}
