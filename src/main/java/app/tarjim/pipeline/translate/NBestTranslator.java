package app.tarjim.pipeline.translate;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Several translations of each sentence, best first, from one beam search: the n best finished beams
 * ({@code num_return_sequences}), with at least n beams. For clients that offer a choice (LibreTranslate's
 * {@code alternatives}). Sentences are sent as they are, without the glossary.
 */
public final class NBestTranslator {

    private final TextGenerator model;
    private final TextNormalizer normalizer;
    private final TranslationSettings settings;

    public NBestTranslator(TextGenerator model, TextNormalizer normalizer, TranslationSettings settings) {
        this.model = model;
        this.normalizer = normalizer;
        this.settings = settings;
    }

    /** One translation offered as a choice, with the model's confidence in it ({@link Confidence}). */
    public record Scored(String text, double confidence) {
    }

    /** For every sentence, up to {@code n} different translations, best first. */
    public List<List<String>> translate(List<String> sentences, int n, BooleanSupplier cancelled) {
        return translateScored(sentences, n, cancelled).stream()
                .map(options -> options.stream().map(Scored::text).toList()).toList();
    }

    /** For every sentence, up to {@code n} different translations with their confidence, best first. */
    public List<List<Scored>> translateScored(List<String> sentences, int n, BooleanSupplier cancelled) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        GenerationConfig base = model.defaults().overriddenBy(settings.overrides());
        int beams = Math.max(n, base.numBeams() == null ? 1 : base.numBeams());
        GenerationConfig overrides = (settings.overrides() == null ? GenerationConfig.EMPTY : settings.overrides())
                .overriddenBy(GenerationConfig.builder().numBeams(beams).numReturnSequences(n).build());
        List<List<Scored>> out = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += settings.batchSize()) {
            List<String> chunk = sentences.subList(from, Math.min(from + settings.batchSize(), sentences.size()))
                    .stream().map(normalizer::normalize).toList();
            for (List<GeneratedSequence> outputs : model.generate(chunk, overrides, cancelled)) {
                List<Scored> options = new ArrayList<>();
                for (GeneratedSequence sequence : outputs) {
                    String text = sequence.text().strip();
                    if (options.stream().noneMatch(o -> o.text().equals(text))) {
                        options.add(new Scored(text, Confidence.of(sequence)));
                    }
                }
                out.add(List.copyOf(options));
            }
        }
        return out;
    }
}
