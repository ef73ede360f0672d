package app.tarjim.engine;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Text to encoder ids and decoder ids to text, through DJL's Hugging Face tokenizer on a checked tokenizer.json. */
final class TextCodec implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final List<String> sanitizerChanges;

    private TextCodec(HuggingFaceTokenizer tokenizer, int vocabSize, List<String> sanitizerChanges) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.sanitizerChanges = sanitizerChanges;
    }

    static TextCodec load(Path tokenizerJson, Path scratchDir) {
        TokenizerSanitizer.Result checked = TokenizerSanitizer.prepare(tokenizerJson, scratchDir);
        try {
            // Explicit options: only the Path form, never the hub name form, and no truncation or padding.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(checked.path())
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new TextCodec(tokenizer, checked.vocabSize(), checked.changes());
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("Tokenizer file " + tokenizerJson + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    long[] encode(String text) {
        return tokenizer.encode(text, true, false).getIds();
    }

    String decode(long[] ids) {
        return tokenizer.decode(ids, true);
    }

    /** Highest id the tokenizer can produce, plus one. */
    int vocabSize() {
        return vocabSize;
    }

    List<String> sanitizerChanges() {
        return sanitizerChanges;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
