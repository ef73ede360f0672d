package app.tarjim.libretranslate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * LibreTranslate's npm client library ({@code libretranslate} 1.0.1, as published) translating through Tarjim.
 * Runs where Node.js is installed and the library is too ({@code npm install --prefix tools/libretranslate-client});
 * skipped otherwise, before any application starts. The library sends no {@code api_key}, so the instance is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LibreTranslateClientTest {

    static final Path CLIENT = Path.of("tools", "libretranslate-client");

    @LocalServerPort
    int port;

    @BeforeAll
    static void clientInstalled() throws Exception {
        assumeTrue(Files.isDirectory(CLIENT.resolve("node_modules/libretranslate")),
                "npm install --prefix tools/libretranslate-client first");
        assumeTrue(new ProcessBuilder("node", "--version").start().waitFor() == 0, "Node.js is not installed");
    }

    private String run(String text, String format) throws Exception {
        Process node = new ProcessBuilder(List.of("node", "translate.cjs", "http://localhost:" + port, text, format))
                .directory(CLIENT.toFile()).redirectErrorStream(true).start();
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.out.println("libretranslate@1.0.1 (" + format + "): " + text + "\n  -> " + output);
        assertThat(node.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void npmClientTranslatesTextThroughTarjim() throws Exception {
        String output = run(LibreTranslateApiTest.ARABIC, "text");

        assertThat(output).startsWith("\"").endsWith("\"").doesNotContainPattern("[\\u0600-\\u06FF]");
        assertThat(output.length()).isGreaterThan(2);
    }

    @Test
    void npmClientTranslatesHtmlThroughTarjim() throws Exception {
        String output = run("<p>" + LibreTranslateApiTest.SECOND + " <b>حلب</b></p>", "html");

        assertThat(output).startsWith("\"<p>").endsWith("</p>\"").contains("<b>", "</b>")
                .doesNotContainPattern("[\\u0600-\\u06FF]");
    }
}
