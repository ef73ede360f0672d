package app.tarjim.engine;

import java.util.List;
import java.util.function.BooleanSupplier;

/** What the pipeline needs from a loaded sequence-to-sequence model. */
public interface TextGenerator extends AutoCloseable {

    /** Name, folder and variant of the loaded model. */
    ModelInfo info();

    /** Defaults read from the model's generation_config.json / config.json. */
    GenerationConfig defaults();

    /** Number of encoder tokens the text becomes, special tokens included. */
    int countTokens(String text);

    /** Longest encoder input the model accepts, in tokens (config max_position_embeddings). */
    int maxInputTokens();

    /**
     * Generates for every input; the outer list follows the inputs, the inner one holds
     * {@code numReturnSequences} outputs, best first. Overrides that are null take the model's defaults.
     *
     * @param cancelled polled between decoding steps; when it answers true the call throws {@link GenerationCancelledException}
     */
    List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides, BooleanSupplier cancelled);

    default List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides) {
        return generate(inputs, overrides, () -> false);
    }

    @Override
    void close();
}
