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
    private final LanguageCodes languages;

    private TextCodec(HuggingFaceTokenizer tokenizer, int vocabSize, List<String> sanitizerChanges,
                      LanguageCodes languages) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.sanitizerChanges = sanitizerChanges;
        this.languages = languages;
    }

    static TextCodec load(Path tokenizerJson, Path scratchDir) {
        return load(tokenizerJson, scratchDir, null);
    }

    /** @param sourceLanguage see {@link TokenizerSanitizer#prepare(Path, Path, String)} */
    static TextCodec load(Path tokenizerJson, Path scratchDir, String sourceLanguage) {
        TokenizerSanitizer.Result checked = TokenizerSanitizer.prepare(tokenizerJson, scratchDir, sourceLanguage);
        try {
            // Explicit options: only the Path form, never the hub name form, and no truncation or padding.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(checked.path())
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            return new TextCodec(tokenizer, checked.vocabSize(), checked.changes(), checked.languages());
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

    LanguageCodes languages() {
        return languages;
    }

    List<String> sanitizerChanges() {
        return sanitizerChanges;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
