package app.tarjim.batch;

import java.util.List;
import java.util.Objects;

/**
 * A batch to store: the articles read from an input and the problems with the parts that could not be read.
 *
 * @param owner       owner of the job and of the articles it creates
 * @param inputDigest identifies the input and options, for resuming; null when resuming is not wanted
 */
public record NewBatch(String owner, String name, SummaryOption summary, List<NewBatchItem> items,
                       List<InputProblem> problems, String inputDigest) {

    public NewBatch {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
