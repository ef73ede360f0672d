package app.tarjim.batch;

import app.tarjim.cli.TarjimCommand;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tarjim batch} in-process, against an in-memory database (the test configuration) and the echo stand-in. */
class BatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void translatesACsvIntoTheRequestedFormatWithProgressOnStderr() throws Exception {
        Path input = Files.writeString(dir.resolve("news.csv"),
                "id,title,text\nn1,One,نص أول.\nn2,\"Bad \"quote\"\",x\nn3,Three,نص ثالث.\n");
        Path output = dir.resolve("out.csv");
        StringWriter err = new StringWriter();

        int status;
        System.setProperty("tarjim.batch.test.echo-delay", "20ms");
        try {
            status = run(err, "batch", "--input", input.toString(), "--output", output.toString(), "--summary", "none");
        } finally {
            System.clearProperty("tarjim.batch.test.echo-delay");
        }

        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString())
                .contains("Skipped news.csv line 3: malformed CSV record")
                .contains("2/2 done")
                .contains("Translated 2 of 2 articles into " + output);
        try (CSVParser parser = CSVParser.parse(Files.readString(output, StandardCharsets.UTF_8).replace("\uFEFF", ""),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).extracting(r -> r.get("id")).containsExactly("n1", "n3");
            assertThat(rows.get(1).get("translation")).isEqualTo("EN: نص ثالث.");
        }
    }

    @Test
    void badInputExitsNonZeroWithAClearMessage() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "batch", "--input", dir.resolve("missing.csv").toString(), "--output",
                dir.resolve("out.pdf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("No such file: " + dir.resolve("missing.csv"));

        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "batch", "--input", "x.csv", "--output", dir.resolve("out.xls").toString()))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("Unknown export format 'xls'. Use one of: csv, jsonl, md, docx, pdf.");

        StringWriter err3 = new StringWriter();
        assertThat(run(err3, "batch", "--output", "out.csv")).isEqualTo(2);
        assertThat(err3.toString()).contains("Give both --input PATH");
    }

    @Test
    void theQualityPresetTranslatesEveryArticleWithTheNllbModel() throws Exception {
        Path models = app.tarjim.testing.QualityModelsFolder.in(dir.resolve("models"), false);
        String sentence = "الحكومة المصرية أعلنت اتفاق جديد.";
        Path input = Files.writeString(dir.resolve("news.jsonl"), "{\"id\": \"a1\", \"text\": \"" + sentence + "\"}\n"
                + "{\"id\": \"a2\", \"text\": \"Quoted in English: alert(1) ran on every page. الجيش وصل.\"}\n");
        Path output = dir.resolve("out.jsonl");
        StringWriter err = new StringWriter();

        int status;
        System.setProperty("tarjim.models-dir", models.toString());
        System.setProperty("tarjim.pipeline.offline", "true");
        try {
            status = run(err, "batch", "--input", input.toString(), "--output", output.toString(), "--summary", "none",
                    "--preset", "quality", "--force");
        } finally {
            System.clearProperty("tarjim.models-dir");
            System.clearProperty("tarjim.pipeline.offline");
        }

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (app.tarjim.engine.Seq2SeqModel nllb = (app.tarjim.engine.Seq2SeqModel) new app.tarjim.pipeline.models
                .EngineGenerators().open(models.resolve("nllb-200-distilled-600M"))) {
            String expected = nllb.generate(List.of(sentence), app.tarjim.engine.GenerationConfig.EMPTY, () -> false)
                    .get(0).get(0).text().strip();
            assertThat(json.readTree(lines.get(0)).get("translation").asText()).isEqualTo(expected);
            // the export says which model made each row (a missing quality model would have been stood in for)
            assertThat(json.readTree(lines.get(0)).get("translationModel").asText()).isEqualTo(
                    "Xenova/nllb-200-distilled-600M");
        }
        // --force: the mostly English article is translated too, its English kept as it is
        assertThat(json.readTree(lines.get(1)).get("translation").asText()).contains("alert(1) ran on every page.");
    }

    @Test
    void anUnknownPresetExitsWithTheChoices() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "batch", "--input", "x.csv", "--output", dir.resolve("out.csv").toString(),
                "--preset", "best")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown preset 'best'. Use fast or quality.");
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cl = TarjimCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }
}
