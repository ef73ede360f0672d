package app.tarjim.pipeline.models;

import app.tarjim.engine.ModelLoadException;
import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import app.tarjim.engine.TextGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens a model folder with the engine in the variant it holds: the one its lock names, else the first of
 * quantized, fp32 and fp16 whose encoder is there (a pulled folder holds one variant only).
 */
public final class EngineGenerators implements GeneratorFactory {

    /** Tarjim translates Arabic into English: the language codes multilingual models (NLLB-200) are run with. */
    public static final String SOURCE_LANGUAGE = "arb_Arab";
    public static final String TARGET_LANGUAGE = "eng_Latn";

    private static final List<ModelVariant> PROBE_ORDER = List.of(ModelVariant.QUANTIZED, ModelVariant.FP32,
            ModelVariant.FP16);

    @Override
    public TextGenerator open(Path modelDirectory) {
        // the languages only matter to a tokenizer with language codes; Marian and BART ignore them, and the
        // English-only output layer too (the server's tarjim.pipeline.english-only-output, on by default)
        return Seq2SeqModel.load(modelDirectory, ModelOptions.builder().variant(variantOf(modelDirectory))
                .sourceLanguage(SOURCE_LANGUAGE).targetLanguage(TARGET_LANGUAGE).englishOnlyOutput(true).build());
    }

    /** @throws ModelLoadException for a variant the engine does not load (int8, uint8, q4, …) */
    public static ModelVariant variantOf(Path dir) {
        Optional<String> locked = ModelLock.read(dir).map(ModelLock::variant);
        if (locked.isPresent()) {
            OnnxVariant variant = OnnxVariant.parse(locked.get());
            return PROBE_ORDER.stream()
                    .filter(engine -> engine.fileSuffix().equals(variant.fileSuffix()))
                    .findFirst()
                    .orElseThrow(() -> new ModelLoadException("The model in " + dir + " is the " + variant.label()
                            + " variant, which the engine cannot load: pull the quantized, fp32 or fp16 one."));
        }
        return PROBE_ORDER.stream()
                .filter(engine -> hasEncoder(dir, engine.fileSuffix()))
                .findFirst()
                .orElse(ModelVariant.FP32);
    }

    private static boolean hasEncoder(Path dir, String suffix) {
        String name = "encoder_model" + suffix + ".onnx";
        return Files.isRegularFile(dir.resolve("onnx").resolve(name)) || Files.isRegularFile(dir.resolve(name));
    }
}
