package app.tarjim.batch;

import app.tarjim.article.ArticleResult;
import app.tarjim.article.ModelsUsed;
import app.tarjim.article.StoredSentence;

import java.util.List;
import java.util.stream.IntStream;

/** Batches and results for tests. */
final class TestBatches {

    static final String OWNER = "batch-test";

    private TestBatches() {
    }

    static NewBatch of(int items) {
        return new NewBatch(OWNER, "test.csv", SummaryOption.SHORT,
                IntStream.rangeClosed(1, items)
                        .mapToObj(i -> new NewBatchItem("a" + i, "Title " + i, "مقال رقم " + i + ".", "test.csv line " + (i + 1)))
                        .toList(),
                List.of(new InputProblem("test.csv", 99, "missing text")), null);
    }

    /** What the demo pipeline would make of a text: echoes it, so tests can tell articles apart. */
    static ArticleResult echo(String text) {
        return new ArticleResult(List.of(new StoredSentence(0, 0, text, "EN: " + text, 0.9, false)),
                "EN: " + text, "Summary of " + text, new ModelsUsed("echo", null), true);
    }
}
