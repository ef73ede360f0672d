package app.tarjim.document.in;

import java.util.List;

/** What a batch input yielded: the articles that could be read and the problems with the rest. */
public record BatchInput(List<BatchItem> items, List<BatchProblem> problems) {

    public BatchInput {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
