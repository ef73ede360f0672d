package app.tarjim.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one model folder in the Optimum / transformers.js layout, checked to exist.
 *
 * @param generationConfig null when the folder has no generation_config.json (HF then derives it from config.json)
 * @param mergedDecoder    null when the split decoders are used
 * @param decoder          null when the merged decoder is used
 * @param decoderWithPast  null when the merged decoder is used
 */
public record ModelFiles(Path directory, Path config, Path generationConfig, Path tokenizer, Path encoder,
                         Path mergedDecoder, Path decoder, Path decoderWithPast) {

    public boolean usesMergedDecoder() {
        return mergedDecoder != null;
    }

    public static ModelFiles locate(Path directory, ModelVariant variant, boolean preferMerged) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new ModelLoadException("Model folder " + directory + " does not exist or is not a folder");
        }
        Path config = required(directory.resolve("config.json"));
        Path generation = directory.resolve("generation_config.json");
        Path tokenizer = required(directory.resolve("tokenizer.json"));
        Path encoder = required(onnxFile(directory, "encoder_model", variant));
        Path merged = onnxFile(directory, "decoder_model_merged", variant);
        Path decoder = onnxFile(directory, "decoder_model", variant);
        Path withPast = onnxFile(directory, "decoder_with_past_model", variant);
        boolean splitPresent = Files.isRegularFile(decoder) && Files.isRegularFile(withPast);
        boolean useMerged = Files.isRegularFile(merged) && (preferMerged || !splitPresent);
        if (useMerged) {
            return new ModelFiles(directory, config, Files.isRegularFile(generation) ? generation : null, tokenizer,
                    encoder, merged, null, null);
        }
        if (!splitPresent) {
            throw new ModelLoadException("No decoder in " + directory.resolve("onnx") + ": expected "
                    + merged.getFileName() + " or both " + decoder.getFileName() + " and " + withPast.getFileName());
        }
        return new ModelFiles(directory, config, Files.isRegularFile(generation) ? generation : null, tokenizer,
                encoder, null, decoder, withPast);
    }

    /** Optimum puts the graphs under onnx/; some exports keep them next to config.json. */
    private static Path onnxFile(Path directory, String baseName, ModelVariant variant) {
        String name = baseName + variant.fileSuffix() + ".onnx";
        Path inOnnx = directory.resolve("onnx").resolve(name);
        Path flat = directory.resolve(name);
        return Files.isRegularFile(inOnnx) || !Files.isRegularFile(flat) ? inOnnx : flat;
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("Missing model file " + file);
        }
        return file;
    }
}
