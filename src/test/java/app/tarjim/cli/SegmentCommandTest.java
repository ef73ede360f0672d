package app.tarjim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.tarjim.pipeline.TestResources;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SegmentCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(byte[] stdin, String... args) {
        CommandLine cli = new CommandLine(new SegmentCommand(new ByteArrayInputStream(stdin)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private int run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    @Test
    void printsOneSentencePerLineAndAnEmptyLineBetweenParagraphs() {
        int status = run("عنوان الخبر\n04 ديسمبر 2016\n\nجملة أولى. جملة ثانية؟\n\nفقرة أخيرة!");

        assertThat(status).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "عنوان الخبر", "", "04 ديسمبر 2016", "", "جملة أولى.", "جملة ثانية؟", "", "فقرة أخيرة!");
    }

    @Test
    void segmentsTheSeedArticle() {
        int status = run(TestResources.seedArticle());

        assertThat(status).isZero();
        assertThat(out.toString().lines().findFirst()).contains("المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب");
        assertThat(out.toString()).contains("\n\n04 ديسمبر 2016\n\n");
    }

    @Test
    void maxTokensForcesClauseSplits() {
        run("جددت فصائل المعارضة السورية التمسك بموقفها، ورفضت كل عروض الاستسلام والخروج.", "--max-tokens", "16");

        assertThat(out.toString().lines()).containsExactly(
                "جددت فصائل المعارضة السورية التمسك بموقفها،", "ورفضت كل عروض الاستسلام والخروج.");
    }

    @Test
    void emptyInputFailsWithAClearMessage() {
        int status = run("  \n");

        assertThat(status).isEqualTo(SegmentCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("The text is empty");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void invalidUtf8FailsWithAClearMessage() {
        int status = run(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41});

        assertThat(status).isEqualTo(SegmentCommand.EXIT_INPUT_REJECTED);
        assertThat(err.toString()).contains("not valid UTF-8");
    }
}
