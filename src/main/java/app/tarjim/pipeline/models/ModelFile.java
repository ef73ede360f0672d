package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One file of a model repository.
 *
 * @param path     path inside the repository, e.g. {@code onnx/encoder_model_quantized.onnx}
 * @param sha256   expected content hash (lower-case hex), null when unknown
 * @param size     expected size in bytes, null when unknown
 * @param optional true for files fetched only on request (fp32 weights)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelFile(String path, String sha256, Long size, Boolean optional) {

    public static ModelFile required(String path, String sha256) {
        return new ModelFile(path, sha256, null, false);
    }

    public boolean isOptional() {
        return Boolean.TRUE.equals(optional);
    }
}
