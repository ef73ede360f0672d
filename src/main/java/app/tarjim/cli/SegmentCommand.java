package app.tarjim.cli;

import app.tarjim.pipeline.input.InputLimits;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.pipeline.text.EstimatedTokenCounter;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.text.Segmenter;
import app.tarjim.pipeline.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tarjim segment}: shows how an article will be cut before translation. */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {
                "Reads an article (UTF-8) on standard input and prints one segment per line, "
                        + "with an empty line between paragraphs.",
                "Token counts are estimated from word lengths; the estimate errs high."})
public class SegmentCommand implements Callable<Integer> {

    /** Exit status when the input is empty, too long, binary or not UTF-8 (2 is picocli's usage error). */
    public static final int EXIT_INPUT_REJECTED = 3;

    @Option(names = "--max-tokens", defaultValue = "512", paramLabel = "N",
            description = "Longest segment, in estimated tokens (default: ${DEFAULT-VALUE}, the Marian input limit).")
    int maxTokens;

    @Option(names = "--max-chars", defaultValue = "100000", paramLabel = "N",
            description = "Longest accepted input, in characters (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Spec
    CommandSpec spec;

    private final InputStream in;

    public SegmentCommand() {
        this(System.in);
    }

    public SegmentCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            InputValidator validator = new InputValidator(new InputLimits(maxChars, InputLimits.DEFAULT.minArabicShare()));
            text = validator.decodeAndCheck(in.readAllBytes());
        } catch (InputRejectedException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_INPUT_REJECTED;
        }
        SegmentedText segmented = new Segmenter(new TextNormalizer(), new EstimatedTokenCounter(), maxTokens).segment(text);
        List<List<Segment>> paragraphs = segmented.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0) {
                out.println();
            }
            paragraphs.get(p).forEach(segment -> out.println(segment.text()));
        }
        out.flush();
        return 0;
    }
}
