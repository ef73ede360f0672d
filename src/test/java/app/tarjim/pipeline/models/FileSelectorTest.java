package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File choice on listings shaped like the Xenova and onnx-community repositories. */
class FileSelectorTest {

    private static final List<String> SMALL = List.of("config.json", "generation_config.json", "tokenizer.json",
            "tokenizer_config.json", "special_tokens_map.json", "README.md", ".gitattributes");

    private final FileSelector selector = new FileSelector();

    private static ModelEntry entry(String... required) {
        return new ModelEntry("translation-fast", ModelTask.TRANSLATION, TranslationPreset.FAST, "m", "Xenova/m",
                "main", false, "demo/x", null,
                Arrays.stream(required).map(path -> ModelFile.required(path, null)).toList());
    }

    private static HubRepoInfo listing(String... onnx) {
        List<HubRepoInfo.Sibling> siblings = new java.util.ArrayList<>();
        for (String path : SMALL) {
            siblings.add(new HubRepoInfo.Sibling(path, 100L, "b".repeat(40), null));
        }
        for (String name : onnx) {
            siblings.add(new HubRepoInfo.Sibling(name, 5000L, "c".repeat(40),
                    new HubRepoInfo.Lfs("a".repeat(64), 5000, 134)));
        }
        return new HubRepoInfo("Xenova/m", "f".repeat(40), siblings);
    }

    private static String[] allOf(String... suffixes) {
        return Arrays.stream(suffixes).flatMap(suffix -> java.util.stream.Stream.of(
                "onnx/encoder_model" + suffix + ".onnx", "onnx/decoder_model" + suffix + ".onnx",
                "onnx/decoder_with_past_model" + suffix + ".onnx", "onnx/decoder_model_merged" + suffix + ".onnx"))
                .toArray(String[]::new);
    }

    private static List<String> paths(FilePlan plan) {
        return plan.files().stream().map(PlannedFile::path).toList();
    }

    @Test
    void takesTheSmallFilesAndTheMergedGraphsOfThePreferredVariant() {
        FilePlan plan = selector.select(entry("config.json", "tokenizer.json"),
                listing(allOf("", "_fp16", "_quantized", "_int8", "_uint8", "_q4", "_q4f16", "_bnb4")),
                OnnxVariant.Q4, false);

        assertThat(plan.variant()).isEqualTo(OnnxVariant.Q4);
        assertThat(plan.note()).isNull();
        assertThat(plan.commit()).isEqualTo("f".repeat(40));
        assertThat(paths(plan)).containsExactly("config.json", "generation_config.json", "tokenizer.json",
                "tokenizer_config.json", "special_tokens_map.json",
                "onnx/decoder_model_merged_q4.onnx", "onnx/encoder_model_q4.onnx");
        assertThat(plan.files()).filteredOn(file -> file.path().endsWith(".onnx"))
                .allSatisfy(file -> assertThat(file.sha256()).isEqualTo("a".repeat(64)))
                .allSatisfy(file -> assertThat(file.blobId()).as("a pointer's blob id is no check").isNull());
        assertThat(plan.files()).filteredOn(file -> file.path().equals("config.json"))
                .singleElement().satisfies(file -> assertThat(file.blobId()).isEqualTo("b".repeat(40)));
        assertThat(plan.totalSize()).isEqualTo(5 * 100 + 2 * 5000);
    }

    @Test
    void eachDtypeSuffixIsKeptApart() {
        for (OnnxVariant variant : OnnxVariant.values()) {
            FilePlan plan = selector.select(entry(), listing(allOf("", "_fp16", "_quantized", "_int8", "_uint8", "_q4",
                    "_q4f16", "_bnb4")), variant, false);

            assertThat(paths(plan)).filteredOn(path -> path.endsWith(".onnx")).containsExactly(
                    "onnx/decoder_model_merged" + variant.fileSuffix() + ".onnx",
                    "onnx/encoder_model" + variant.fileSuffix() + ".onnx");
        }
    }

    @Test
    void usesTheSplitDecodersWhenThereIsNoMergedOne() {
        FilePlan plan = selector.select(entry(), listing("onnx/encoder_model_int8.onnx", "onnx/decoder_model_int8.onnx",
                "onnx/decoder_with_past_model_int8.onnx"), OnnxVariant.INT8, false);

        assertThat(paths(plan)).filteredOn(path -> path.endsWith(".onnx")).containsExactlyInAnyOrder(
                "onnx/encoder_model_int8.onnx", "onnx/decoder_model_int8.onnx", "onnx/decoder_with_past_model_int8.onnx");
    }

    @Test
    void aMissingVariantFallsBackToQuantizedThenFp32AndSaysSo() {
        FilePlan plan = selector.select(entry(), listing(allOf("", "_quantized")), OnnxVariant.FP16, false);
        assertThat(plan.variant()).isEqualTo(OnnxVariant.QUANTIZED);
        assertThat(plan.note()).isEqualTo("The repository Xenova/m has no fp16 export (it has fp32, quantized); the "
                + "quantized one is used.");

        FilePlan fp32 = selector.select(entry(), listing(allOf("")), OnnxVariant.QUANTIZED, false);
        assertThat(fp32.variant()).isEqualTo(OnnxVariant.FP32);
    }

    @Test
    void anIncompleteVariantIsSkipped() {
        FilePlan plan = selector.select(entry(), listing(
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_quantized.onnx", // no with_past, no merged
                "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx"), OnnxVariant.QUANTIZED, false);

        assertThat(plan.variant()).isEqualTo(OnnxVariant.FP32);
    }

    @Test
    void fp32GraphsAreAddedOnRequestAndExternalWeightsFollowTheirGraph() {
        FilePlan plan = selector.select(entry(), listing(
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx",
                "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx", "onnx/decoder_model_merged.onnx_data",
                "onnx/unrelated.onnx", "pytorch_model.bin", "model.safetensors"), OnnxVariant.QUANTIZED, true);

        assertThat(paths(plan)).filteredOn(path -> !SMALL.contains(path)).containsExactlyInAnyOrder(
                "onnx/encoder_model_quantized.onnx", "onnx/decoder_model_merged_quantized.onnx",
                "onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx", "onnx/decoder_model_merged.onnx_data");
    }

    @Test
    void graphsKeptNextToConfigJsonAreFoundToo() {
        FilePlan plan = selector.select(entry(), listing("encoder_model.onnx", "decoder_model_merged.onnx"),
                OnnxVariant.QUANTIZED, false);

        assertThat(paths(plan)).contains("encoder_model.onnx", "decoder_model_merged.onnx");
    }

    @Test
    void aRequiredFileTheRepositoryLacksOrNoUsableGraphIsNamed() {
        assertThatThrownBy(() -> selector.select(entry("source.spm"), listing(allOf("_quantized")),
                OnnxVariant.QUANTIZED, false))
                .hasMessage("The repository Xenova/m at commit " + "f".repeat(40) + " lacks source.spm, which the "
                        + "model needs.");
        assertThatThrownBy(() -> selector.select(entry(), listing("onnx/encoder_model_q4.onnx"), OnnxVariant.Q4, false))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("has no complete ONNX export")
                .hasMessageEndingWith("; it has q4.");
    }

    @Test
    void variantNamesParseAsUsersTypeThem() {
        assertThat(OnnxVariant.parse("Quantized")).isEqualTo(OnnxVariant.QUANTIZED);
        assertThat(OnnxVariant.parse("q8")).isEqualTo(OnnxVariant.QUANTIZED);
        assertThat(OnnxVariant.parse("q4f16")).isEqualTo(OnnxVariant.Q4F16);
        assertThatThrownBy(() -> OnnxVariant.parse("int3")).hasMessageStartingWith("Unknown ONNX variant 'int3'; use one of fp32, fp16");
    }
}
