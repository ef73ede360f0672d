package app.tarjim.pipeline.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * ONNX weight variants as the Xenova and onnx-community repositories name them: {@code encoder_model<suffix>.onnx}
 * (the transformers.js dtype names, plus {@code quantized} for its {@code q8}).
 */
public enum OnnxVariant {
    FP32(""), FP16("_fp16"), QUANTIZED("_quantized"), INT8("_int8"), UINT8("_uint8"),
    Q4F16("_q4f16"), Q4("_q4"), BNB4("_bnb4");

    private final String fileSuffix;

    OnnxVariant(String fileSuffix) {
        this.fileSuffix = fileSuffix;
    }

    /** Suffix before {@code .onnx}, e.g. {@code _quantized}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** The name users type and the lock file records: {@code fp32}, {@code quantized}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label, any case; {@code q8} is the transformers.js name of {@code quantized}. */
    public static OnnxVariant parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("q8")) {
            return QUANTIZED;
        }
        return Arrays.stream(values())
                .filter(variant -> variant.label().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ONNX variant '" + name + "'; use one of "
                        + Arrays.stream(values()).map(OnnxVariant::label).collect(Collectors.joining(", "))));
    }

    /** The variant whose suffix a graph's base name ends with; longest suffix first so {@code _q4f16} is not {@code _q4}. */
    static OnnxVariant ofSuffix(String suffix) {
        return Arrays.stream(values())
                .filter(variant -> variant.fileSuffix.equals(suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown ONNX variant suffix '" + suffix + "'"));
    }
}
