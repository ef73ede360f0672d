package app.tarjim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MARIAN = Path.of(System.getProperty("tarjim.test.marian",
            Path.of("src/test/resources/fixtures/models/marian-tiny-random").toAbsolutePath().toString()));

    private InputStream originalIn;
    private PrintStream originalOut;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final StringWriter stderr = new StringWriter();

    @TempDir
    Path tmp;

    @BeforeEach
    void redirect() {
        originalIn = System.in;
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setIn(originalIn);
        System.setOut(originalOut);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }

    /** JSON lines of stdout; without a logging setup, logback's console logs land on stdout too. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void writesOneJsonLinePerInput() throws Exception {
        int code = run("hello world\nsecond line here\n", "--model", MARIAN.toString(), "--num-beams", "2",
                "--max-new-tokens", "6", "--threads", "1");
        assertThat(code).as(stderr.toString()).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        for (JsonNode line : lines) {
            assertThat(line.get("input_ids").isArray()).isTrue();
            assertThat(line.get("output_ids").size()).isBetween(2, 7);
            assertThat(line.get("text").isTextual()).isTrue();
            assertThat(line.get("score").asDouble()).isLessThanOrEqualTo(0.0);
            assertThat(line.get("score_sum").asDouble()).isLessThanOrEqualTo(line.get("score").asDouble());
        }
    }

    @Test
    void returnsSeveralSequencesWithRanks() throws Exception {
        int code = run("one\n", "--model", MARIAN.toString(), "--num-beams", "3", "--num-return-sequences", "2",
                "--max-new-tokens", "4", "--variant", "quantized");
        assertThat(code).as(stderr.toString()).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("rank").asInt()).isZero();
        assertThat(lines.get(1).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void missingModelFolderIsAnErrorWithoutStackTrace() {
        int code = run("x\n", "--model", tmp.resolve("absent").toString());
        assertThat(code).isNotZero();
        assertThat(stderr.toString()).contains("absent").doesNotContain("\tat ");
    }

    @Test
    void badOptionValuesAreRefused() {
        assertThat(run("", "--model", MARIAN.toString(), "--num-beams", "zero")).isNotZero();
        assertThat(run("", "--model", MARIAN.toString(), "--num-beams", "0")).isNotZero();
        assertThat(run("", "--model", MARIAN.toString(), "--variant", "int4")).isNotZero();
        assertThat(run("", "--model", MARIAN.toString(), "--early-stopping", "maybe")).isNotZero();
        assertThat(run("", "--num-beams", "2")).isNotZero();
        assertThat(stderr.toString()).contains("--num-beams").contains("int4").contains("--model")
                .doesNotContain("\tat ");
    }

    @Test
    void engineRefusalIsAnErrorWithoutStackTrace() {
        int code = run("x\n", "--model", MARIAN.toString(), "--num-beams", "2", "--num-return-sequences", "3");
        assertThat(code).isNotZero();
        assertThat(stderr.toString()).contains("num_return_sequences").doesNotContain("\tat ");
    }
}
