package app.tarjim.cli;

import app.tarjim.pipeline.ModelsFolder;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryCsvReader;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import app.tarjim.pipeline.input.InputLimits;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.pipeline.models.DownloadListener;
import app.tarjim.pipeline.models.DownloadSettings;
import app.tarjim.pipeline.models.GeneratorFactory;
import app.tarjim.pipeline.models.ModelDownloader;
import app.tarjim.pipeline.models.ModelProvider;
import app.tarjim.pipeline.models.ModelRegistry;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.ModelUnavailableException;
import app.tarjim.pipeline.models.ResolvedModel;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.ArticleSummarizer;
import app.tarjim.pipeline.summarize.Summary;
import app.tarjim.pipeline.summarize.SummaryLength;
import app.tarjim.pipeline.text.TextNormalizer;
import app.tarjim.pipeline.translate.ArticleTranslation;
import app.tarjim.pipeline.translate.ArticleTranslator;
import app.tarjim.pipeline.translate.SentenceListener;
import app.tarjim.pipeline.translate.TranslatedSentence;
import app.tarjim.pipeline.translate.TranslationSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tarjim translate}: an Arabic article on standard input, its English translation on standard output. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {
                "Reads an Arabic article (UTF-8) on standard input and prints its English translation.",
                "Missing models are fetched into the models folder unless --offline; without them the demo "
                        + "models stand in and a notice says so.",
                "Exit status: 0 done, 2 bad options, 3 input rejected, 4 models unavailable, "
                        + "5 bad glossary, 1 other failure."})
public class TranslateCommand implements Callable<Integer> {

    public static final int EXIT_INPUT_REJECTED = SegmentCommand.EXIT_INPUT_REJECTED;
    public static final int EXIT_MODELS_UNAVAILABLE = 4;
    public static final int EXIT_BAD_GLOSSARY = 5;
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--summary", defaultValue = "none", paramLabel = "LENGTH",
            description = "Summary to add: short, medium, long or none (default: ${DEFAULT-VALUE}).")
    String summary;

    @Option(names = "--glossary", paramLabel = "FILE",
            description = "CSV of arabic,english terms rendered the same way everywhere.")
    Path glossaryFile;

    @Option(names = "--preset", defaultValue = "fast", paramLabel = "PRESET",
            description = "Translation model: fast or quality (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--summary-model", defaultValue = "fast", paramLabel = "MODEL",
            description = "Summary model: fast (distilbart-cnn-6-6) or quality (distilbart-cnn-12-6, published inference time about 1.7x) "
                    + "(default: ${DEFAULT-VALUE}).")
    String summaryModel;

    @Option(names = "--json", description = "Print JSON: sentences with confidence, translation, summary, models.")
    boolean json;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Folder holding registry.json and the model folders (default: the server's, see "
                    + "tarjim models --help).")
    Path modelsDir;

    @Option(names = "--offline", description = "Never use the network; use what is in the models folder.")
    boolean offline;

    @Option(names = "--hub-url", defaultValue = "https://huggingface.co", paramLabel = "URL",
            description = "Where models are fetched from (default: ${DEFAULT-VALUE}).")
    URI hubUrl;

    @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N",
            description = "Sentences per model call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
            description = "Sentences with a confidence under it are flagged (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--force",
            description = "Translate even when too few of the letters are Arabic (an Arabic article quoting English "
                    + "code, names or posts); text without Arabic letters is copied through unchanged. Empty, "
                    + "too long or binary input is refused either way.")
    boolean force;

    @Option(names = "--max-chars", defaultValue = "100000", paramLabel = "N",
            description = "Longest accepted input, in characters (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Spec
    CommandSpec spec;

    private final GeneratorFactory generators;
    private final InputStream in;

    public TranslateCommand(GeneratorFactory generators) {
        this(generators, System.in);
    }

    public TranslateCommand(GeneratorFactory generators, InputStream in) {
        this.generators = generators;
        this.in = in;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut(), err);
        } catch (InputRejectedException e) {
            return fail(err, e.forceable() ? e.getMessage() + " Use --force to translate it anyway." : e.getMessage(),
                    EXIT_INPUT_REJECTED);
        } catch (GlossaryFormatException e) {
            return fail(err, e.getMessage(), EXIT_BAD_GLOSSARY);
        } catch (ModelUnavailableException e) {
            return fail(err, e.getMessage(), EXIT_MODELS_UNAVAILABLE);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return fail(err, e.getMessage(), EXIT_FAILURE);
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        SummaryLength summaryLength = SummaryLength.parse(summary);
        TranslationPreset translationPreset = TranslationPreset.parse(preset);
        TranslationPreset.parse(summaryModel); // a wrong name fails before the input is read
        InputValidator validator = new InputValidator(new InputLimits(maxChars, InputLimits.DEFAULT.minArabicShare()));
        String article = validator.decodeAndCheck(in.readAllBytes());
        validator.checkArabic(article, force);
        Glossary glossary = glossaryFile == null ? Glossary.EMPTY : new GlossaryCsvReader().read(glossaryFile);

        ModelResolution models = resolveModels(translationPreset, summaryLength != SummaryLength.NONE, err);
        models.notice().ifPresent(err::println);
        err.flush();

        TextNormalizer normalizer = new TextNormalizer();
        ArticleTranslation translation;
        try (TextGenerator translator = generators.open(models.translation().directory())) {
            translation = new ArticleTranslator(translator, normalizer,
                    new TranslationSettings(batchSize, threshold, null, null))
                    .translate(article, glossary, SentenceListener.NONE, () -> false);
        }
        Summary articleSummary = Summary.none();
        if (models.summarization() != null) {
            try (TextGenerator summarizer = generators.open(models.summarization().directory())) {
                articleSummary = new ArticleSummarizer(summarizer, normalizer, batchSize)
                        .summarize(translation.translation(), summaryLength, () -> false);
            }
        }
        if (json) {
            out.println(toJson(translation, articleSummary, models));
        } else {
            out.println(translation.translation());
            if (!articleSummary.text().isEmpty()) {
                out.println();
                out.println("Summary: " + articleSummary.text());
            }
            if (translation.flaggedCount() > 0) {
                err.printf("%d of %d sentences have low confidence (under %.2f); check them.%n",
                        translation.flaggedCount(), translation.sentences().size(), threshold);
            }
        }
        out.flush();
        err.flush();
        return 0;
    }

    private ModelResolution resolveModels(TranslationPreset translationPreset, boolean withSummarizer, PrintWriter err) {
        ModelRegistry registry = ModelRegistry.load(modelsDir != null ? modelsDir : ModelsFolder.fromEnvironment(null));
        DownloadSettings settings = new DownloadSettings(hubUrl, offline, 4, Duration.ofSeconds(2));
        ModelProvider provider = new ModelProvider(registry,
                new ModelDownloader(ModelDownloader.defaultHttpClient(), settings));
        DownloadListener listener = progressPrinter(err);
        ModelResolution resolution = provider.resolve(translationPreset, withSummarizer, listener);
        TranslationPreset summaryQuality = TranslationPreset.parse(summaryModel);
        if (!withSummarizer || summaryQuality != TranslationPreset.QUALITY) {
            return resolution;
        }
        return new ModelResolution(resolution.translation(), provider.resolveSummarizer(summaryQuality, listener));
    }

    /** One line per file and every tenth of it, so a long download shows it is alive. */
    private static DownloadListener progressPrinter(PrintWriter err) {
        int[] lastTenth = {-1, -1};
        return progress -> {
            int tenth = progress.fileTotal() > 0 ? (int) (progress.fileBytes() * 10 / progress.fileTotal()) : 0;
            if (progress.fileIndex() != lastTenth[0] || tenth != lastTenth[1]) {
                lastTenth[0] = progress.fileIndex();
                lastTenth[1] = tenth;
                err.printf("Fetching %s/%s (%d/%d): %d%%%n", progress.repo(), progress.file(),
                        progress.fileIndex() + 1, progress.fileCount(), tenth * 10);
                err.flush();
            }
        };
    }

    private static String toJson(ArticleTranslation translation, Summary summary, ModelResolution models)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> sentences = translation.sentences().stream().map(TranslateCommand::sentenceJson).toList();
        root.put("sentences", sentences);
        root.put("translation", translation.translation());
        root.put("summary", summary.text());
        Map<String, Object> modelsJson = new LinkedHashMap<>();
        modelsJson.put("translation", modelJson(models.translation()));
        if (models.summarization() != null) {
            modelsJson.put("summarization", modelJson(models.summarization()));
        }
        root.put("models", modelsJson);
        root.put("demo", models.demo());
        models.notice().ifPresent(notice -> root.put("notice", notice));
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static Map<String, Object> sentenceJson(TranslatedSentence sentence) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("paragraph", sentence.paragraph());
        json.put("source", sentence.source());
        json.put("target", sentence.target());
        json.put("confidence", Math.round(sentence.confidence() * 1000) / 1000.0);
        json.put("flagged", sentence.flagged());
        return json;
    }

    private static Map<String, Object> modelJson(ResolvedModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repo", model.entry().repo());
        json.put("revision", model.entry().revision());
        json.put("directory", model.directory().toString());
        json.put("demo", model.demo());
        if (model.reason() != null) {
            json.put("reason", model.reason());
        }
        return json;
    }

    private static int fail(PrintWriter err, String message, int status) {
        err.println(message);
        err.flush();
        return status;
    }
}
