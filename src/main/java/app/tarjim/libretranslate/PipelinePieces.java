package app.tarjim.libretranslate;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.input.ArabicShare;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sends the pieces of one request through the pipeline as one article, a piece per line (the pipeline makes
 * every line a paragraph), so a Mastodon post or a batch of Weblate strings costs one job, not one per
 * sentence. Pieces without Arabic letters (a URL, a number, an empty line) are not sent. Remembers the lowest
 * sentence confidence for the response header.
 */
final class PipelinePieces implements PieceTranslator {

    private final ArticleTranslationJobs jobs;
    private final String owner;
    private final Glossary glossary;
    private double lowestConfidence = Double.NaN;

    PipelinePieces(ArticleTranslationJobs jobs, String owner, Glossary glossary) {
        this.jobs = jobs;
        this.owner = owner;
        this.glossary = glossary;
    }

    @Override
    public List<List<SentencePair>> translate(List<String> pieces) {
        List<List<SentencePair>> out = new ArrayList<>();
        List<Integer> sent = new ArrayList<>();
        StringBuilder article = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            out.add(new ArrayList<>());
            String piece = pieces.get(i);
            if (ArabicShare.of(piece).arabicLetters() > 0) {
                if (piece.chars().anyMatch(PipelinePieces::endsLine)) {
                    throw new IllegalArgumentException("A piece must be one line");
                }
                sent.add(i);
                article.append(piece).append('\n');
            }
        }
        if (sent.isEmpty()) {
            return out;
        }
        StoredArticle result = jobs.translateNow(owner,
                new PipelineRequest(article.toString(), SummaryLength.NONE, TranslationPreset.FAST, glossary));
        if (result.status() != ArticleStatus.DONE) {
            throw new LibreTranslateException(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot translate text: "
                    + (result.errorMessage() == null ? result.status().name().toLowerCase() : result.errorMessage()));
        }
        for (StoredSentence sentence : result.sentences()) {
            if (sentence.paragraphIndex() >= sent.size()) {
                throw new IllegalStateException("The pipeline returned more paragraphs than it was sent");
            }
            out.get(sent.get(sentence.paragraphIndex()))
                    .add(new SentencePair(sentence.source(), sentence.target(), sentence.confidence()));
            lowestConfidence = Double.isNaN(lowestConfidence) ? sentence.confidence()
                    : Math.min(lowestConfidence, sentence.confidence());
        }
        return out;
    }

    /** The characters that end a line for the pipeline's segmenter (each line is a paragraph there). */
    static boolean endsLine(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The lowest confidence of any sentence translated so far; empty when nothing went through the model. */
    OptionalDouble lowestConfidence() {
        return Double.isNaN(lowestConfidence) ? OptionalDouble.empty() : OptionalDouble.of(lowestConfidence);
    }
}
