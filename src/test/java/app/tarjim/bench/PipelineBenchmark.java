package app.tarjim.bench;

import app.tarjim.engine.ModelOptions;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.Seq2SeqModel;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.summarize.ArticleSummarizer;
import app.tarjim.pipeline.summarize.Summary;
import app.tarjim.pipeline.summarize.SummaryLength;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.text.Segmenter;
import app.tarjim.pipeline.text.TextNormalizer;
import app.tarjim.pipeline.translate.ArticleTranslation;
import app.tarjim.pipeline.translate.ArticleTranslator;
import app.tarjim.pipeline.translate.SentenceListener;
import app.tarjim.pipeline.translate.TranslationSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One article end to end (segmentation, translation, summary), timed stage by stage, best of N runs
 * after a warm-up. Not a unit test: run it with {@code bench/pipeline.sh}.
 *
 * <p>Arguments: article file, translation model folder, summarizer model folder, runs, variant.
 */
public final class PipelineBenchmark {

    public static void main(String[] args) throws Exception {
        Path article = Path.of(args.length > 0 ? args[0] : "src/test/resources/seed/aleppo-2016-12-04.ar.txt");
        Path translatorDir = Path.of(args.length > 1 ? args[1] : "models/demo/marian-ar-en-demo");
        Path summarizerDir = Path.of(args.length > 2 ? args[2] : "models/demo/bart-summarizer-demo");
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        ModelVariant variant = args.length > 4 ? ModelVariant.valueOf(args[4].toUpperCase()) : ModelVariant.FP32;
        String text = Files.readString(article);
        ModelOptions options = ModelOptions.builder().variant(variant).build();

        long loadStart = System.nanoTime();
        try (Seq2SeqModel translator = Seq2SeqModel.load(translatorDir, options);
             Seq2SeqModel summarizer = Seq2SeqModel.load(summarizerDir, options)) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            TextNormalizer normalizer = new TextNormalizer();
            ArticleTranslator articleTranslator = new ArticleTranslator(translator, normalizer, TranslationSettings.defaults());
            ArticleSummarizer articleSummarizer = new ArticleSummarizer(summarizer, normalizer, 8);

            double[] segment = new double[runs];
            double[] translate = new double[runs];
            double[] summarize = new double[runs];
            int sentences = 0;
            String summaryText = "";
            for (int run = -1; run < runs; run++) { // run -1 warms up
                long t0 = System.nanoTime();
                SegmentedText segmented = new Segmenter(normalizer, translator::countTokens, translator.maxInputTokens())
                        .segment(text);
                long t1 = System.nanoTime();
                ArticleTranslation translation = articleTranslator.translate(text, Glossary.EMPTY, SentenceListener.NONE, () -> false);
                long t2 = System.nanoTime();
                Summary summary = articleSummarizer.summarize(translation.translation(), SummaryLength.MEDIUM, () -> false);
                long t3 = System.nanoTime();
                if (run >= 0) {
                    segment[run] = (t1 - t0) / 1e6;
                    // The translator segments again inside: its figure includes one segmentation, taken out here.
                    translate[run] = (t2 - t1) / 1e6 - segment[run];
                    summarize[run] = (t3 - t2) / 1e6;
                }
                sentences = segmented.segments().size();
                summaryText = summary.text();
            }
            double seg = best(segment);
            double tr = best(translate);
            double sum = best(summarize);
            double total = seg + tr + sum;
            System.out.printf("article: %s (%d characters, %d segments)%n", article.getFileName(), text.length(), sentences);
            System.out.printf("models: %s + %s (%s), loaded in %.0f ms%n", translatorDir.getFileName(),
                    summarizerDir.getFileName(), variant, loadMs);
            System.out.printf("best of %d runs: total %.0f ms = segmentation %.1f ms (%.1f%%) + translation %.0f ms (%.1f%%)"
                            + " + summarization %.0f ms (%.1f%%)%n", runs, total, seg, 100 * seg / total, tr,
                    100 * tr / total, sum, 100 * sum / total);
            System.out.printf("summary (%d chars): %s%n", summaryText.length(), summaryText);
        }
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
