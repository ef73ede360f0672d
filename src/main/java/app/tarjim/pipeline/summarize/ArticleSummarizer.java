package app.tarjim.pipeline.summarize;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.Segmenter;
import app.tarjim.pipeline.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Summarises an English text with a BART-style model. A text longer than the model's input limit (1024
 * tokens for BART) is summarised map-reduce: cut at sentence boundaries into chunks that fit, each chunk
 * summarised, the chunk summaries joined and summarised again, repeated while the joined summaries are
 * still too long. After {@link #MAX_ROUNDS} rounds only the opening that fits is summarised: news puts
 * the essentials first.
 */
public final class ArticleSummarizer {

    static final int MAX_ROUNDS = 4;

    private final TextGenerator model;
    private final TextNormalizer normalizer;
    private final int batchSize;

    public ArticleSummarizer(TextGenerator model, TextNormalizer normalizer, int batchSize) {
        this.model = model;
        this.normalizer = normalizer;
        this.batchSize = batchSize;
    }

    /** @throws GenerationCancelledException when {@code cancelled} answers true */
    public Summary summarize(String english, SummaryLength length, BooleanSupplier cancelled) {
        if (length == SummaryLength.NONE || english.isBlank()) {
            return Summary.none();
        }
        String text = normalizer.normalize(english);
        int limit = model.maxInputTokens();
        int firstChunks = 0;
        for (int round = 1; ; round++) {
            if (model.countTokens(text) <= limit) {
                return new Summary(summarizeAll(List.of(text), length, cancelled).get(0), length,
                        Math.max(firstChunks, 1), round);
            }
            List<String> chunks = round < MAX_ROUNDS ? chunks(text, limit) : List.of(chunks(text, limit).get(0));
            if (firstChunks == 0) {
                firstChunks = chunks.size();
            }
            if (chunks.size() == 1) {
                return new Summary(summarizeAll(chunks, length, cancelled).get(0), length, firstChunks, round);
            }
            text = String.join(" ", summarizeAll(chunks, length, cancelled));
        }
    }

    /** Sentences packed greedily into chunks that fit the model's input. */
    List<String> chunks(String text, int limit) {
        List<Segment> sentences = new Segmenter(normalizer, model::countTokens, limit).segment(text).segments();
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Segment sentence : sentences) {
            String candidate = current.length() == 0 ? sentence.text() : current + " " + sentence.text();
            if (current.length() > 0 && model.countTokens(candidate) > limit) {
                chunks.add(current.toString());
                current = new StringBuilder(sentence.text());
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private List<String> summarizeAll(List<String> inputs, SummaryLength length, BooleanSupplier cancelled) {
        List<String> summaries = new ArrayList<>();
        for (int from = 0; from < inputs.size(); from += batchSize) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            List<String> batch = inputs.subList(from, Math.min(from + batchSize, inputs.size()));
            int shortest = batch.stream().mapToInt(model::countTokens).min().orElse(0);
            model.generate(batch, lengthConfig(length, shortest), cancelled)
                    .forEach(outputs -> summaries.add(outputs.get(0).text().strip()));
        }
        return summaries;
    }

    /** The preset's lengths; the minimum is capped at half the input so a short text is not padded out. */
    static GenerationConfig lengthConfig(SummaryLength length, int inputTokens) {
        int min = Math.min(length.minNewTokens(), Math.max(1, inputTokens / 2));
        return GenerationConfig.builder()
                .minNewTokens(min)
                .maxNewTokens(length.maxNewTokens())
                .build();
    }
}
