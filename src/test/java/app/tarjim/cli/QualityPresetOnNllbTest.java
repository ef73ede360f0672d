package app.tarjim.cli;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.Seq2SeqModel;
import app.tarjim.pipeline.models.EngineGenerators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality preset end to end (registry, provider, loader, article pipeline, {@code tarjim translate}) with the
 * registry's translation-quality folder holding the tiny NLLB fixture instead of Xenova/nllb-200-distilled-600M.
 */
class QualityPresetOnNllbTest {


    @TempDir
    Path modelsDir;

    @Test
    void qualityPresetTranslatesWithTheNllbModelFromArabicIntoEnglish() throws IOException {
        app.tarjim.testing.QualityModelsFolder.in(modelsDir, false);
        List<String> opened = new ArrayList<>();
        EngineGenerators engine = new EngineGenerators();
        String article = "الحكومة المصرية أعلنت اتفاق جديد.\n\nالجيش وصل إلى الحدود التركية اليوم.";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TranslateCommand(dir -> {
            Seq2SeqModel model = (Seq2SeqModel) engine.open(dir);
            // the model the pipeline runs: NLLB with arb_Arab put into the tokenizer and eng_Latn forced first
            assertThat(model.encode("مرحبا")[0]).isEqualTo(model.languageCodes().get("arb_Arab"));
            assertThat(model.defaults().forcedBosTokenId()).isEqualTo(model.languageCodes().get("eng_Latn"));
            opened.add(dir.getFileName().toString());
            return model;
        }, new ByteArrayInputStream(article.getBytes(StandardCharsets.UTF_8))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("--preset", "quality", "--offline", "--json", "--models-dir", modelsDir.toString());

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode model = json.get("models").get("translation");
        assertThat(model.get("repo").asText()).isEqualTo("Xenova/nllb-200-distilled-600M");
        assertThat(model.get("directory").asText()).isEqualTo(modelsDir.resolve("nllb-200-distilled-600M").toString());
        assertThat(model.has("reason")).as("no stand-in").isFalse();
        assertThat(json.get("demo").asBoolean()).isFalse();
        assertThat(json.get("sentences")).hasSize(2);

        assertThat(opened).containsExactly("nllb-200-distilled-600M");
        // what it wrote for the first sentence is that model's output (the random fixture's, not English)
        String first = json.get("sentences").get(0).get("source").asText();
        try (Seq2SeqModel same = (Seq2SeqModel) engine.open(modelsDir.resolve("nllb-200-distilled-600M"))) {
            GeneratedSequence expected = same.generate(List.of(first), GenerationConfig.EMPTY, () -> false).get(0).get(0);
            assertThat(expected.outputIds()[1]).isEqualTo(same.languageCodes().get("eng_Latn"));
            assertThat(json.get("sentences").get(0).get("target").asText()).isEqualTo(expected.text().strip());
        }
    }
}
