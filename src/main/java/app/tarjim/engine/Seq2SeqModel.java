package app.tarjim.engine;

import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * An encoder-decoder model exported to ONNX (Marian, BART; by config also M2M100, NLLB, T5), generating with
 * Hugging Face {@code generate()} semantics. Thread-safe: every call gets its own predictors and native memory.
 */
public final class Seq2SeqModel implements TextGenerator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Seq2SeqModel.class);

    private final ModelInfo info;
    private final ModelConfig config;
    private final ModelOptions options;
    private final TextCodec codec;
    private final List<OnnxSession> sessions;
    private final Encoder encoder;
    private final Decoder decoder;
    private final RowGather rowGather;
    /** Null for float16 logits, or when reducing in graph is switched off. */
    private final StepHead stepHead;
    private final Path scratchDir;
    private final EngineCounters counters;
    /** The model's generation defaults with, for a multilingual model, the target language forced first. */
    private final GenerationConfig defaults;
    /** How many ids the output layer computes: the English-only share, or the whole vocabulary. */
    private final int outputIds;

    private Seq2SeqModel(ModelInfo info, ModelConfig config, ModelOptions options, TextCodec codec,
                         List<OnnxSession> sessions, Encoder encoder, Decoder decoder, RowGather rowGather,
                         StepHead stepHead, Path scratchDir, EngineCounters counters, GenerationConfig defaults,
                         int outputIds) {
        this.outputIds = outputIds;
        this.info = info;
        this.config = config;
        this.defaults = defaults;
        this.options = options;
        this.codec = codec;
        this.sessions = sessions;
        this.encoder = encoder;
        this.decoder = decoder;
        this.rowGather = rowGather;
        this.stepHead = stepHead;
        this.scratchDir = scratchDir;
        this.counters = counters;
    }

    /**
     * Loads and checks a model folder.
     *
     * @throws ModelLoadException naming the file, when a file is missing, malformed or inconsistent
     */
    public static Seq2SeqModel load(Path modelDir, ModelOptions options) {
        // The engine never downloads: DJL must not look for engines or tokenizers on the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        ModelFiles files = ModelFiles.locate(modelDir, options.variant(), options.preferMergedDecoder());
        ModelConfig config = ModelConfigReader.read(files);
        Path scratch = createScratchDir();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            TextCodec codec = TextCodec.load(files.tokenizer(), scratch, options.sourceLanguage());
            opened.add(codec);
            GenerationConfig defaults = config.generationDefaults();
            if (options.targetLanguage() != null && codec.languages().multilingual()) {
                // NLLB/M2M100: the target language is the first generated token, forced per call (the
                // published generation_config.json sets none, or another language)
                defaults = defaults.overriddenBy(GenerationConfig.builder().forcedBosTokenId(
                        codec.languages().id(options.targetLanguage(), files.tokenizer())).build());
            }
            if (codec.vocabSize() > config.vocabSize()) {
                throw new ModelLoadException("Tokenizer file " + files.tokenizer() + " has " + codec.vocabSize()
                        + " tokens but " + files.config() + " gives vocab_size " + config.vocabSize());
            }
            long[] allowed = null;
            if (options.englishOnlyOutput() && codec.languages().multilingual() && options.targetLanguage() != null
                    && options.targetLanguage().startsWith("eng_")) {
                allowed = EnglishVocabulary.allowedIds(files.tokenizer(), options.targetLanguage(), config.vocabSize());
            }
            EngineCounters counters = new EngineCounters();
            List<OnnxSession> sessions = new ArrayList<>();
            OnnxSession encoderSession = open(files.encoder(), options, counters, sessions, opened);
            Decoder decoder;
            List<Path> decoderFiles = files.usesMergedDecoder() ? List.of(files.mergedDecoder())
                    : List.of(files.decoder(), files.decoderWithPast());
            if (allowed != null) {
                for (Path file : decoderFiles) {
                    if (!restrict(file, scratch, allowed, config)) {
                        allowed = null; // both files, or neither: the two sessions must agree on the logits
                        break;
                    }
                }
            }
            List<OnnxSession> decoderSessions = new ArrayList<>();
            for (Path file : decoderFiles) {
                Path load = allowed != null ? restrictedCopy(file, scratch) : decoderFile(file, options, scratch);
                decoderSessions.add(open(load, options, counters, sessions, opened));
            }
            decoder = new Decoder(decoderSessions.get(0), decoderSessions.get(decoderSessions.size() - 1), config,
                    counters);
            int floatType = options.variant() == ModelVariant.FP16 ? GatherGraph.FLOAT16 : GatherGraph.FLOAT;
            RowGather rowGather = new RowGather(scratch, config.decoderLayers(), floatType, options, counters);
            opened.add(rowGather);
            StepHead stepHead = null;
            if (options.reduceInGraph() && options.variant() != ModelVariant.FP16) {
                stepHead = new StepHead(scratch, options, counters);
                opened.add(stepHead);
            }
            long pad = config.generationDefaults().padTokenId() != null
                    ? config.generationDefaults().padTokenId() : 0L;
            Encoder encoder = new Encoder(encoderSession, pad);
            ModelInfo info = new ModelInfo(modelDir.getFileName().toString(), modelDir, config.modelType(),
                    options.variant());
            Seq2SeqModel model = new Seq2SeqModel(info, config, options, codec, List.copyOf(sessions), encoder,
                    decoder, rowGather, stepHead, scratch, counters, defaults,
                    allowed != null ? allowed.length : config.vocabSize());
            model.probe(files);
            return model;
        } catch (RuntimeException e) {
            closeAll(opened);
            deleteScratch(scratch);
            throw e;
        }
    }

    /**
     * The decoder file to load: with {@link ModelOptions#int8OutputProjection()} (int8 variant), a copy in the
     * scratch folder with the output projection in int8, when the file has one to rewrite. Files with external
     * data stay as they are (the copy would not find the data).
     */
    private static Path decoderFile(Path file, ModelOptions options, Path scratch) {
        if (options.variant() != ModelVariant.QUANTIZED || !options.int8OutputProjection()
                || Files.exists(file.resolveSibling(file.getFileName() + "_data"))
                || Files.exists(file.resolveSibling(file.getFileName() + ".data"))) {
            return file;
        }
        Path copy = scratch.resolve(file.getFileName());
        return Int8Projection.rewrite(file, copy) > 0 ? copy : file;
    }

    /**
     * Writes the English-only copy of a decoder file into the scratch folder (it wins over the int8 rewrite, whose
     * MatMul it replaces), with links to its external data files, whose names the copy keeps. False, with a
     * warning, when the file has no output projection the rewrite knows: the model then runs over the whole
     * vocabulary, as it would without the option.
     */
    private static boolean restrict(Path file, Path scratch, long[] allowed, ModelConfig config) {
        Path copy = restrictedCopy(file, scratch);
        try {
            for (String suffix : List.of("_data", ".data")) {
                Path data = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(data)) {
                    Files.createSymbolicLink(scratch.resolve(data.getFileName()), data.toAbsolutePath());
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("English-only output vocabulary not used for {}: cannot link its external data ({})", file,
                    e.toString());
            return false;
        }
        if (Int8Projection.restrictVocabulary(file, copy, allowed, config.vocabSize()) == 0) {
            LOG.warn("English-only output vocabulary not used: no output projection making the logits found in {}; "
                    + "the whole vocabulary is computed", file);
            return false;
        }
        return true;
    }

    /** Where {@link #restrict} writes the copy: the file's own name, so that its external data is found. */
    private static Path restrictedCopy(Path file, Path scratch) {
        return scratch.resolve(file.getFileName());
    }

    /** How many ids the output layer computes per step: the English-only ones, or the whole vocabulary. */
    public int outputIds() {
        return outputIds;
    }

    private static OnnxSession open(Path file, ModelOptions options, EngineCounters counters,
                                    List<OnnxSession> sessions, List<AutoCloseable> opened) {
        OnnxSession session = OnnxSession.open(file, options, OnnxSession.modelGraphEntries(options),
                counters.onnxNanos, counters.onnxCalls);
        sessions.add(session);
        opened.add(session);
        return session;
    }

    /** Two decoding steps on a one-token input: proves the graphs run and their logits fit config.json. */
    private void probe(ModelFiles files) {
        Path decoderFile = files.usesMergedDecoder() ? files.mergedDecoder() : files.decoderWithPast();
        long token = config.generationDefaults().decoderStartTokenId();
        GenerationSettings settings = GenerationSettings.resolve(GenerationConfig.builder()
                .decoderStartTokenId(token).maxNewTokens(2).build());
        try {
            runSubBatch(new long[][] {{token}}, settings, () -> false);
        } catch (IllegalStateException e) {
            throw new ModelLoadException("Model " + files.directory() + " does not run (" + decoderFile.getFileName()
                    + "): " + e.getMessage(), e);
        }
        counters.reset();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public GenerationConfig defaults() {
        return defaults;
    }

    /** Language code tokens and their ids; empty for a model that is not multilingual (Marian, BART). */
    public java.util.Map<String, Long> languageCodes() {
        return codec.languages().ids();
    }

    public ModelConfig config() {
        return config;
    }

    public ModelOptions options() {
        return options;
    }

    /** True when the merged decoder is in use, false for decoder_model + decoder_with_past_model. */
    public boolean usesMergedDecoder() {
        return decoder.merged();
    }

    /** What was changed in tokenizer.json before loading it (empty when nothing). */
    public List<String> tokenizerChanges() {
        return codec.sanitizerChanges();
    }

    @Override
    public int countTokens(String text) {
        return codec.encode(text).length;
    }

    /** Encoder ids of a text, special tokens included. */
    public long[] encode(String text) {
        return codec.encode(text);
    }

    /** Text of decoder ids, special tokens skipped. */
    public String decode(long[] ids) {
        return codec.decode(ids);
    }

    @Override
    public int maxInputTokens() {
        return config.maxPositionEmbeddings();
    }

    public EngineStats stats() {
        return counters.snapshot();
    }

    public void resetStats() {
        counters.reset();
    }

    @Override
    public List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides,
                                                  BooleanSupplier cancelled) {
        List<long[]> ids = inputs.stream().map(codec::encode).toList();
        return generateFromIds(ids, overrides, cancelled);
    }

    /** As {@link #generate} but from encoder ids, e.g. ids made by another tokenizer. */
    public List<List<GeneratedSequence>> generateFromIds(List<long[]> inputIds, GenerationConfig overrides,
                                                         BooleanSupplier cancelled) {
        GenerationSettings settings = GenerationSettings.resolve(defaults.overriddenBy(overrides));
        long[][] ids = inputIds.toArray(long[][]::new);
        for (long[] input : ids) {
            if (input.length == 0 || input.length > maxInputTokens()) {
                throw new IllegalArgumentException("Input of " + input.length + " tokens; the model accepts 1 to "
                        + maxInputTokens());
            }
        }
        List<List<GeneratedSequence>> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(null);
        }
        for (int[] batch : BatchPlanner.plan(ids, options.maxBatchSize())) {
            long[][] batchIds = Arrays.stream(batch).mapToObj(i -> ids[i]).toArray(long[][]::new);
            List<List<Hypothesis>> results = runSubBatch(batchIds, settings, cancelled);
            for (int k = 0; k < batch.length; k++) {
                long[] input = batchIds[k];
                out.set(batch[k], results.get(k).stream().map(h -> toSequence(input, h)).toList());
            }
        }
        return out;
    }

    private List<List<Hypothesis>> runSubBatch(long[][] batch, GenerationSettings settings,
                                               BooleanSupplier cancelled) {
        try (NDManager manager = NDManager.newBaseManager("OnnxRuntime");
             OnnxSession.Runner encoderRunner = encoder.newRunner();
             Decoder.Runners decoderRunners = decoder.newRunners();
             RowGather.Runners gatherRunners = rowGather.newRunners();
             StepHead.Runners headRunners = stepHead != null ? stepHead.newRunners() : null;
             OnnxDecoderState state = new OnnxDecoderState(decoder, decoderRunners, gatherRunners, headRunners,
                     options.reduceInGraphFrom(), manager, encoder.encode(encoderRunner, manager, batch), config.vocabSize())) {
            if (settings.numBeams() == 1) {
                return new GreedySearch(settings).run(state, batch.length, cancelled).stream()
                        .map(List::of).toList();
            }
            return new BeamSearch(settings).run(state, batch.length, cancelled);
        }
    }

    private GeneratedSequence toSequence(long[] input, Hypothesis h) {
        int generated = Math.max(1, h.generatedTokens());
        return new GeneratedSequence(input.clone(), h.tokens(), codec.decode(h.tokens()), h.logProbSum(),
                h.logProbSum() / generated, h.score());
    }

    @Override
    public void close() {
        closeAll(new ArrayList<>(sessions));
        rowGather.close();
        if (stepHead != null) {
            stepHead.close();
        }
        codec.close();
        deleteScratch(scratchDir);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing native memory on a failure path; the original error is what matters
            }
        }
    }

    private static Path createScratchDir() {
        try {
            return Files.createTempDirectory("tarjim-model-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for sanitised model files", e);
        }
    }

    private static void deleteScratch(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
