package app.tarjim.pipeline.translate;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEnforcer;
import app.tarjim.pipeline.glossary.GlossaryPlan;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.text.Segmenter;
import app.tarjim.pipeline.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Translates a whole article: segments it within the model's input limit, sends the segments through the
 * model in batches, enforces the glossary, scores each sentence and reports it as soon as its batch is
 * done. Paragraphs and order are kept.
 */
public final class ArticleTranslator {

    private final TextGenerator model;
    private final TextNormalizer normalizer;
    private final TranslationSettings settings;

    public ArticleTranslator(TextGenerator model, TextNormalizer normalizer, TranslationSettings settings) {
        this.model = model;
        this.normalizer = normalizer;
        this.settings = settings;
    }

    /**
     * @param cancelled polled between batches and inside the model; when true the call throws
     * @throws GenerationCancelledException when cancelled
     */
    public ArticleTranslation translate(String article, Glossary glossary, SentenceListener listener,
                                        BooleanSupplier cancelled) {
        int limit = settings.maxSegmentTokens() != null ? settings.maxSegmentTokens() : model.maxInputTokens();
        SegmentedText segmented = new Segmenter(normalizer, model::countTokens, limit).segment(article);
        GlossaryEnforcer glossaryEnforcer = new GlossaryEnforcer(glossary);
        List<Segment> segments = segmented.segments();
        List<TranslatedSentence> done = new ArrayList<>();
        listener.onSegmented(segmented);
        listener.onProgress(0, segments.size());
        for (int from = 0; from < segments.size(); from += settings.batchSize()) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            List<Segment> batch = segments.subList(from, Math.min(from + settings.batchSize(), segments.size()));
            for (TranslatedSentence sentence : translateBatch(batch, glossaryEnforcer, limit, cancelled)) {
                done.add(sentence);
                listener.onSentence(sentence);
                listener.onProgress(done.size(), segments.size());
            }
        }
        return new ArticleTranslation(done, joinParagraphs(done));
    }

    private List<TranslatedSentence> translateBatch(List<Segment> batch, GlossaryEnforcer glossary, int limit,
                                                    BooleanSupplier cancelled) {
        List<GlossaryPlan> plans = batch.stream().map(s -> glossary.plan(normalizer.normalize(s.text()))).toList();
        List<String> inputs = plans.stream().map(plan -> modelInput(plan, limit)).toList();
        List<Scored> first = generate(inputs, cancelled);

        List<Integer> toSplice = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (!plans.get(i).isEmpty() && !plans.get(i).isSatisfiedBy(first.get(i).text())) {
                toSplice.add(i);
            }
        }
        List<Scored> results = new ArrayList<>(first);
        List<String> pieces = toSplice.stream().flatMap(i -> plans.get(i).piecesToTranslate().stream()).toList();
        List<Scored> translatedPieces = generate(pieces, cancelled);
        int next = 0;
        for (int i : toSplice) {
            GlossaryPlan plan = plans.get(i);
            List<Scored> own = translatedPieces.subList(next, next + plan.piecesToTranslate().size());
            next += own.size();
            String spliced = plan.splice(own.stream().map(Scored::text).toList());
            double confidence = own.stream().map(Scored::confidence).min(Double::compare).orElse(1.0);
            results.set(i, new Scored(spliced, confidence));
        }

        List<TranslatedSentence> sentences = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Segment segment = batch.get(i);
            Scored result = results.get(i);
            double confidence = result.text().isBlank() ? 0 : result.confidence();
            sentences.add(new TranslatedSentence(segment.paragraph(), segment.index(), segment.text(),
                    result.text().strip(), confidence, confidence < settings.confidenceThreshold()));
        }
        return sentences;
    }

    /** The input with renderings written in, unless that would push it over the model's limit. */
    private String modelInput(GlossaryPlan plan, int limit) {
        if (plan.isEmpty()) {
            return plan.input();
        }
        String inlined = plan.inlined();
        return model.countTokens(inlined) <= limit ? inlined : plan.input();
    }

    private List<Scored> generate(List<String> inputs, BooleanSupplier cancelled) {
        List<Scored> scored = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += settings.batchSize()) {
            List<String> chunk = inputs.subList(from, Math.min(from + settings.batchSize(), inputs.size()));
            for (List<GeneratedSequence> outputs : model.generate(chunk, settings.overrides(), cancelled)) {
                GeneratedSequence best = outputs.get(0);
                scored.add(new Scored(best.text(), Confidence.of(best)));
            }
        }
        return scored;
    }

    private static String joinParagraphs(List<TranslatedSentence> sentences) {
        return sentences.stream()
                .collect(Collectors.groupingBy(TranslatedSentence::paragraph, java.util.TreeMap::new,
                        Collectors.mapping(TranslatedSentence::target, Collectors.joining(" "))))
                .values().stream()
                .collect(Collectors.joining("\n\n"));
    }

    private record Scored(String text, double confidence) {
    }
}
