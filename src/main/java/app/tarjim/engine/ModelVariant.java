package app.tarjim.engine;

/** ONNX weight variants as named in Optimum / transformers.js exports. */
public enum ModelVariant {
    FP32(""), QUANTIZED("_quantized"), FP16("_fp16");

    private final String fileSuffix;

    ModelVariant(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** Suffix before {@code .onnx}, e.g. {@code encoder_model_quantized.onnx}. */
    public String fileSuffix() {
        return fileSuffix;
    }
}
