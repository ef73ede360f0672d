package app.tarjim.cli;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelLoadException;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tarjim generate}: reads one input text per line from stdin and writes one JSON object per output line:
 * {@code {"input_ids", "output_ids", "text", "score" (mean log-prob), "score_sum", "sequence_score"}}; with
 * {@code --num-return-sequences N > 1} each input gives N lines, best first, with a {@code "rank"}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate with a seq2seq ONNX model folder: one input per stdin line, JSON lines on stdout.")
public class GenerateCommand implements Callable<Integer> {

    /** Inputs handed to the engine at once; the engine sub-batches them by length. */
    private static final int CHUNK = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder (config.json, onnx/...).")
    Path model;

    @Option(names = "--variant", defaultValue = "fp32", converter = VariantConverter.class,
            description = "fp32, quantized or fp16 (default: ${DEFAULT-VALUE}).")
    ModelVariant variant;

    @Option(names = "--num-beams", paramLabel = "N", description = "Beam width; 1 is greedy (default: the model's generation_config).")
    Integer numBeams;

    @Option(names = "--max-new-tokens", paramLabel = "N", description = "Most tokens to generate.")
    Integer maxNewTokens;

    @Option(names = "--min-new-tokens", paramLabel = "N", description = "Fewest tokens to generate before eos is allowed.")
    Integer minNewTokens;

    @Option(names = "--no-repeat-ngram-size", paramLabel = "N", description = "Never repeat an n-gram of this size.")
    Integer noRepeatNgramSize;

    @Option(names = "--repetition-penalty", paramLabel = "F", description = "Penalty for tokens already generated (1 = none).")
    Double repetitionPenalty;

    @Option(names = "--length-penalty", paramLabel = "F", description = "Beam scores are divided by length^F.")
    Double lengthPenalty;

    @Option(names = "--num-return-sequences", paramLabel = "N", description = "Outputs per input, best first (at most --num-beams).")
    Integer numReturnSequences;

    @Option(names = "--early-stopping", paramLabel = "true|false|never", description = "When beam search stops, as in Hugging Face.")
    String earlyStopping;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads.")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N", description = "Inputs decoded together (default 16).")
    Integer batchSize;

    @Option(names = "--src-lang", defaultValue = "arb_Arab", paramLabel = "CODE", description = "Multilingual models "
            + "(NLLB-200): language code the input starts with; ignored by other models (default: ${DEFAULT-VALUE}).")
    String sourceLanguage;

    @Option(names = "--tgt-lang", defaultValue = "eng_Latn", paramLabel = "CODE", description = "Multilingual models "
            + "(NLLB-200): language code forced as the first generated token; ignored by other models "
            + "(default: ${DEFAULT-VALUE}).")
    String targetLanguage;

    @Option(names = "--split-decoder", description = "Use decoder_model + decoder_with_past_model even when the merged decoder exists.")
    boolean splitDecoder;

    @Override
    public Integer call() {
        validate();
        ModelOptions options = modelOptions();
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (Seq2SeqModel generator = Seq2SeqModel.load(model, options);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            GenerationConfig overrides = overrides();
            List<String> chunk = new ArrayList<>(CHUNK);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                chunk.add(line);
                if (chunk.size() == CHUNK) {
                    write(out, json, generator.generate(chunk, overrides));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                write(out, json, generator.generate(chunk, overrides));
            }
            out.flush();
            return 0;
        } catch (ModelLoadException | IllegalArgumentException | IllegalStateException | IOException e) {
            spec.commandLine().getErr().println("generate: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private void validate() {
        requireAtLeast(numBeams, 1, "--num-beams");
        requireAtLeast(maxNewTokens, 1, "--max-new-tokens");
        requireAtLeast(minNewTokens, 0, "--min-new-tokens");
        requireAtLeast(noRepeatNgramSize, 0, "--no-repeat-ngram-size");
        requireAtLeast(numReturnSequences, 1, "--num-return-sequences");
        requireAtLeast(threads, 1, "--threads");
        requireAtLeast(batchSize, 1, "--batch-size");
        if (repetitionPenalty != null && !(repetitionPenalty > 0)) {
            throw new ParameterException(spec.commandLine(), "--repetition-penalty must be positive");
        }
        if (earlyStopping != null && !List.of("true", "false", "never")
                .contains(earlyStopping.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--early-stopping must be true, false or never");
        }
    }

    private void requireAtLeast(Integer value, int min, String name) {
        if (value != null && value < min) {
            throw new ParameterException(spec.commandLine(), name + " must be at least " + min + ", not " + value);
        }
    }

    private ModelOptions modelOptions() {
        ModelOptions.Builder b = ModelOptions.builder().variant(variant).preferMergedDecoder(!splitDecoder)
                .sourceLanguage(sourceLanguage).targetLanguage(targetLanguage);
        if (threads != null) {
            b.intraOpThreads(threads);
        }
        if (batchSize != null) {
            b.maxBatchSize(batchSize);
        }
        return b.build();
    }

    private GenerationConfig overrides() {
        return GenerationConfig.builder()
                .numBeams(numBeams)
                .maxNewTokens(maxNewTokens)
                .minNewTokens(minNewTokens)
                .noRepeatNgramSize(noRepeatNgramSize)
                .repetitionPenalty(repetitionPenalty)
                .lengthPenalty(lengthPenalty)
                .numReturnSequences(numReturnSequences)
                .earlyStopping(earlyStopping == null ? null : earlyStopping.toLowerCase(Locale.ROOT))
                .build();
    }

    private static void write(PrintWriter out, ObjectMapper json, List<List<GeneratedSequence>> results)
            throws IOException {
        for (List<GeneratedSequence> outputs : results) {
            for (int rank = 0; rank < outputs.size(); rank++) {
                GeneratedSequence s = outputs.get(rank);
                ObjectNode line = json.createObjectNode();
                line.set("input_ids", json.valueToTree(s.inputIds()));
                line.set("output_ids", json.valueToTree(s.outputIds()));
                line.put("text", s.text());
                line.put("score", s.logProbMean());
                line.put("score_sum", s.logProbSum());
                line.put("sequence_score", s.sequenceScore());
                if (outputs.size() > 1) {
                    line.put("rank", rank);
                }
                out.println(json.writeValueAsString(line));
            }
        }
        out.flush();
    }

    /** Accepts the variant names of the export files, case-insensitively. */
    static final class VariantConverter implements ITypeConverter<ModelVariant> {
        @Override
        public ModelVariant convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "fp32" -> ModelVariant.FP32;
                case "quantized", "int8" -> ModelVariant.QUANTIZED;
                case "fp16" -> ModelVariant.FP16;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a variant; use fp32, quantized or fp16");
            };
        }
    }
}
