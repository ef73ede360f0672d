package app.tarjim.batch;

import java.util.List;
import java.util.Objects;

/**
 * A batch to store: the articles read from an input and the problems with the parts that could not be read.
 *
 * @param owner       owner of the job and of the articles it creates
 * @param inputDigest identifies the input and options, for resuming; null when resuming is not wanted
 * @param models      the translation and summary models and the language check for every item
 */
public record NewBatch(String owner, String name, SummaryOption summary, List<NewBatchItem> items,
                       List<InputProblem> problems, String inputDigest, BatchModels models) {

    public NewBatch {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        models = models == null ? BatchModels.DEFAULT : models;
    }

    /** "12 articles from news.csv (preset quality, summary model fast, forced)": for the audit log, never the text. */
    public String describe() {
        int n = items.size();
        return n + (n == 1 ? " article" : " articles") + " from " + name + " (preset " + models.preset().label()
                + ", summary model " + models.summaryModel().label() + (models.force() ? ", forced" : "") + ")";
    }

    /** A batch with the default models. */
    public NewBatch(String owner, String name, SummaryOption summary, List<NewBatchItem> items,
                    List<InputProblem> problems, String inputDigest) {
        this(owner, name, summary, items, problems, inputDigest, BatchModels.DEFAULT);
    }
}
