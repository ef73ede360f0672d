package app.tarjim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.tarjim.pipeline.FakeGenerator;
import app.tarjim.pipeline.TestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TranslateCommandTest {

    @TempDir
    Path modelsDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void demoModelsOnly() throws IOException {
        Files.copy(Path.of("models/registry.json"), modelsDir.resolve("registry.json"));
        for (String demo : new String[] {"demo/marian-ar-en-demo", "demo/bart-summarizer-demo"}) {
            Files.createDirectories(modelsDir.resolve(demo));
            Files.writeString(modelsDir.resolve(demo).resolve("config.json"), "{}");
        }
    }

    private int run(String stdin, String... args) {
        TranslateCommand command = new TranslateCommand(dir -> {
            opened.add(dir);
            return dir.toString().contains("bart") ? FakeGenerator.echo(1024) : FakeGenerator.echo(512);
        }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--offline", "--models-dir", modelsDir.toString()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void printsJsonWithSentencesTranslationSummaryModelsAndDemoFlag() throws IOException {
        int status = run(TestResources.seedArticle(), "--json", "--summary", "short");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode first = json.get("sentences").get(0);
        assertThat(first.get("paragraph").asInt()).isZero();
        assertThat(first.get("source").asText()).isEqualTo("المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب");
        assertThat(first.get("target").asText()).startsWith("EN:");
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("flagged").isBoolean()).isTrue();
        assertThat(json.get("translation").asText()).contains("\n\n");
        assertThat(json.get("summary").asText()).isNotBlank();
        assertThat(json.get("demo").asBoolean()).isTrue();
        assertThat(json.get("models").get("translation").get("repo").asText()).isEqualTo("Xenova/opus-mt-ar-en");
        assertThat(json.get("models").get("summarization").get("demo").asBoolean()).isTrue();
        assertThat(err.toString()).contains("Demo models in use: output is illustrative, not a real translation.");
        assertThat(opened).containsExactly(modelsDir.resolve("demo/marian-ar-en-demo"),
                modelsDir.resolve("demo/bart-summarizer-demo"));
    }

    @Test
    void printsPlainTranslationByDefaultWithoutSummary() {
        int status = run("جملة أولى. جملة ثانية.\n\nفقرة ثانية.");

        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("EN:جملة أولى. EN:جملة ثانية.\n\nEN:فقرة ثانية.\n".replace("\n", System.lineSeparator()));
        assertThat(opened).hasSize(1);
    }

    @Test
    void appliesAGlossaryFile() throws IOException {
        Path glossary = modelsDir.resolve("glossary.csv");
        Files.writeString(glossary, TestResources.text("glossary-aleppo.csv"));

        run(TestResources.seedArticle(), "--glossary", glossary.toString());

        assertThat(out.toString()).contains("Zakaria Malahefji").contains("Sergey Lavrov");
    }

    @Test
    void usesRealModelsWhenPresent() throws IOException {
        Path real = modelsDir.resolve("opus-mt-ar-en");
        try (Stream<String> paths = Stream.of("config.json", "generation_config.json", "tokenizer.json",
                "tokenizer_config.json", "special_tokens_map.json", "vocab.json", "source.spm", "target.spm",
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx")) {
            for (String path : paths.toList()) {
                Files.createDirectories(real.resolve(path).getParent());
                Files.writeString(real.resolve(path), "x");
            }
        }

        run("جملة.", "--json");

        assertThat(opened).containsExactly(real);
        assertThat(out.toString()).contains("\"demo\":false");
        assertThat(err.toString()).doesNotContain("Demo models");
    }

    @Test
    void rejectsEmptyAndNonArabicInputWithClearMessages() {
        assertThat(run("   ")).isEqualTo(TranslateCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("The text is empty");

        assertThat(run("This is an English sentence about Aleppo.")).isEqualTo(TranslateCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("looks like it is not Arabic: only 0% of its letters are Arabic");
        assertThat(opened).isEmpty();
    }

    private static final String MIXED = "نشر الباحث الأمني تغريدة قال فيها: \"The bug lets anyone inject "
            + "<script>alert(document.cookie)</script> into any page, says John Smith\"، "
            + "وأكدت الشركة في بيان أنها أصلحت الخلل.\n\nSource: https://example.com/report";

    @Test
    void aMixedTextIsRefusedWithAHintAndTranslatedWithForce() throws IOException {
        assertThat(run(MIXED)).isEqualTo(TranslateCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("only 41% of its letters are Arabic").contains("Use --force");
        assertThat(opened).isEmpty();

        err.getBuffer().setLength(0);
        int status = run(MIXED, "--force", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("sentences")).hasSize(2);
        assertThat(json.get("sentences").get(0).get("target").asText()).startsWith("EN:")
                .contains("\"The bug lets anyone inject <script>alert(document.cookie)</script> into any page, says John Smith\"");
        // The line without Arabic is copied, not translated.
        assertThat(json.get("sentences").get(1).get("target").asText()).isEqualTo("Source: https://example.com/report");
    }

    @Test
    void forceDoesNotLetEmptyInputThrough() {
        assertThat(run("  \n ", "--force")).isEqualTo(TranslateCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("The text is empty").doesNotContain("--force");
        assertThat(opened).isEmpty();
    }

    @Test
    void aBadGlossaryFailsClearly() throws IOException {
        Path glossary = modelsDir.resolve("bad.csv");
        Files.writeString(glossary, "حلب,Aleppo\nدمشق\n");

        assertThat(run("جملة.", "--glossary", glossary.toString())).isEqualTo(TranslateCommand.EXIT_BAD_GLOSSARY);
        assertThat(err.toString()).contains("line 2");
    }

    @Test
    void aDemoMissingFromTheModelsFolderIsReplacedByTheOneTheJarCarries() throws IOException {
        Files.delete(modelsDir.resolve("demo/marian-ar-en-demo/config.json"));

        assertThat(run("جملة.", "--json")).as(err.toString()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(out.toString()).get("demo").asBoolean()).isTrue();
    }

    @Test
    void anUnknownPresetIsAnError() {
        assertThat(run("جملة.", "--preset", "best")).isEqualTo(TranslateCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("fast or quality");
    }
}
