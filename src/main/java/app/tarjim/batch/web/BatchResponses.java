package app.tarjim.batch.web;

import app.tarjim.batch.BatchItemView;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchProgress;
import app.tarjim.batch.InputProblem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON bodies of the batch API. */
final class BatchResponses {

    private BatchResponses() {
    }

    /** A line or entry of the upload that was skipped, and why. */
    record Problem(String source, long line, String message) {
        static Problem of(InputProblem problem) {
            return new Problem(problem.sourceName(), problem.lineNumber(), problem.message());
        }
    }

    record Created(UUID id, String name, int total, List<Problem> problems) {
    }

    record Item(long id, String externalId, String title, String status, String error, UUID articleId) {
        static Item of(BatchItemView item) {
            return new Item(item.id(), item.externalId(), item.title(), item.status().name(), item.error(),
                    item.articleId());
        }
    }

    /**
     * @param etaSeconds  estimated seconds left; null before the first item finishes and once nothing is left
     * @param itemsOffset position of the first item listed ({@code items} is one page when paging was asked for)
     */
    record Status(UUID id, String name, String status, String summary, int total, int done, int failed,
                  int cancelled, int pending, int running, Long etaSeconds, Instant createdAt, List<Item> items,
                  List<Problem> problems, int itemsOffset, String preset, String summaryModel, boolean force) {
        static Status of(BatchJobView job, List<BatchItemView> items, List<InputProblem> problems, int offset) {
            BatchProgress p = job.progress();
            return new Status(job.id(), job.name(), job.status().name(), job.summary().name().toLowerCase(),
                    p.total(), p.done(), p.failed(), p.cancelled(), p.pending(), p.running(), p.etaSeconds(),
                    job.createdAt(), items.stream().map(Item::of).toList(),
                    problems.stream().map(Problem::of).toList(), offset, job.models().preset().label(),
                    job.models().summaryModel().label(), job.models().force());
        }
    }

    record Retried(UUID id, int requeued) {
    }
}
