package app.tarjim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tarjim translate} end to end on the shipped demo models (real registry, real loader, offline). */
class TranslateOnDemoModelsTest {

    @Test
    void translatesAndSummarizesTheSeedArticleWithTheGlossaryApplied() throws Exception {
        byte[] article = Files.readAllBytes(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine withInput = new CommandLine(new TranslateCommand(
                dir -> app.tarjim.engine.Seq2SeqModel.load(dir, app.tarjim.engine.ModelOptions.defaults()),
                new ByteArrayInputStream(article)));
        withInput.setOut(new PrintWriter(out));
        withInput.setErr(new PrintWriter(err));

        int status = withInput.execute("--offline", "--json", "--summary", "short",
                "--glossary", "src/test/resources/pipeline/glossary-aleppo.csv");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("demo").asBoolean()).isTrue();
        assertThat(json.get("sentences").size()).isGreaterThan(10);
        assertThat(json.get("sentences").get(0).get("source").asText()).isEqualTo("المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب");
        assertThat(json.get("translation").asText()).contains("Zakaria Malahefji");
        assertThat(json.get("summary").asText()).isNotBlank();
        assertThat(json.get("models").toString()).contains("marian-ar-en-demo");
        assertThat(err.toString()).contains("Demo models in use");
    }
}
