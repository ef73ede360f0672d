package app.tarjim.pipeline.translate;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEnforcer;
import app.tarjim.pipeline.glossary.GlossaryPlan;
import app.tarjim.pipeline.text.ForeignRuns;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.text.Segmenter;
import app.tarjim.pipeline.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Translates a whole article: segments it within the model's input limit, sends the segments through the
 * model in batches, enforces the glossary, scores each sentence and reports it as soon as its batch is
 * done. Paragraphs and order are kept. What is not Arabic passes through untranslated: a segment without
 * Arabic letters is copied as it is and never reaches the model, and a non-Arabic run inside a sentence (an
 * English quote, a name, code) is kept unchanged like a glossary rendering ({@link KeptRuns}).
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
        List<GlossaryPlan> plans = batch.stream().map(s -> plan(s, glossary)).toList();
        List<String> inputs = plans.stream().map(plan -> modelInput(plan, limit)).toList();
        List<Scored> first = translateOrCopy(batch, inputs, cancelled);

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

    /** The glossary and the kept runs of a segment; none for a segment that is copied rather than translated. */
    private GlossaryPlan plan(Segment segment, GlossaryEnforcer glossary) {
        String input = normalizer.normalize(segment.text());
        return ForeignRuns.hasArabic(input) ? KeptRuns.addTo(glossary.plan(input)) : new GlossaryPlan(input, List.of());
    }

    /**
     * The model's translation of each segment with Arabic in it; a segment without (a Latin line, a URL, code)
     * is copied as it is, at full confidence, and not sent to the model.
     */
    private List<Scored> translateOrCopy(List<Segment> batch, List<String> inputs, BooleanSupplier cancelled) {
        List<String> toModel = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (ForeignRuns.hasArabic(batch.get(i).text())) {
                toModel.add(inputs.get(i));
            }
        }
        Iterator<Scored> translated = generate(toModel, cancelled).iterator();
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Segment segment = batch.get(i);
            scored.add(ForeignRuns.hasArabic(segment.text()) ? translated.next() : new Scored(segment.text(), 1.0));
        }
        return scored;
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
