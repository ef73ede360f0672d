package app.tarjim.batch.web;

import app.tarjim.batch.BatchExporter;
import app.tarjim.batch.BatchInputParser;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchModels;
import app.tarjim.batch.BatchRejectedException;
import app.tarjim.batch.BatchService;
import app.tarjim.batch.BatchStatus;
import app.tarjim.batch.NewBatch;
import app.tarjim.batch.SummaryOption;
import app.tarjim.document.out.ExportFormat;
import app.tarjim.security.ApiCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Batch jobs over HTTP: upload a file of articles, watch, cancel, retry and download the translations. */
@RestController
@RequestMapping("/api/v1/batches")
@Tag(name = "Batches", description = "Translate many articles at once from a .zip, .csv or .jsonl file")
class BatchController {

    /** The most items one status page may list. */
    static final int MAX_PAGE = 1000;

    private final BatchService batches;
    private final BatchInputParser parser;
    private final BatchExporter exporter;

    BatchController(BatchService batches, BatchInputParser parser, BatchExporter exporter) {
        this.batches = batches;
        this.parser = parser;
        this.exporter = exporter;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start a batch",
            description = "Upload a .zip (of .txt/.html/.docx/.pdf), a .csv (header id,title,text) or a .jsonl "
                    + "({\"id\",\"title\",\"text\"} per line). Lines or entries that cannot be read are listed "
                    + "in problems (with line numbers); the rest is translated. 202 with the job's address.")
    ResponseEntity<BatchResponses.Created> create(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "short, medium, long or none (default short)")
            @RequestParam(name = "summary", required = false) String summary,
            @Parameter(description = "A name for the job (default: the file name)")
            @RequestParam(name = "name", required = false) String name,
            @Parameter(description = "Translation model: fast (opus-mt, default) or quality (NLLB-200, "
                    + "CC-BY-NC-4.0: non-commercial use only)")
            @RequestParam(name = "preset", required = false) String preset,
            @Parameter(description = "Summary model: fast (distilbart-cnn-6-6, default) or quality "
                    + "(distilbart-cnn-12-6)")
            @RequestParam(name = "summaryModel", required = false) String summaryModel,
            @Parameter(description = "true: translate articles even when few of their letters are Arabic; "
                    + "the non-Arabic runs are kept as they are (default false: such articles fail with the reason)")
            @RequestParam(name = "force", defaultValue = "false") boolean force,
            HttpServletRequest request) throws IOException {
        SummaryOption summaryOption = parseSummary(summary);
        BatchModels models;
        try {
            models = BatchModels.parse(preset, summaryModel, force);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown model choice", e.getMessage());
        }
        String fileName = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        NewBatch batch;
        UUID id;
        try {
            batch = parser.parse(file.getBytes(), fileName, ApiCaller.ownerOf(request), name, summaryOption, models);
            id = batches.submit(batch);
        } catch (BatchRejectedException e) {
            throw rejected(e);
        }
        if (audit != null) {
            audit.recordWork(ApiCaller.ownerOf(request), app.tarjim.account.AuditLog.BATCH_STARTED, id.toString(),
                    batch.describe());
        }
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri())
                .body(new BatchResponses.Created(id, batch.name(), batch.items().size(),
                        batch.problems().stream().map(BatchResponses.Problem::of).toList()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch's progress and items",
            description = "Counts by status, an estimate of the seconds left from the rate so far, every item "
                    + "with its error or the id of its translated article, and the upload's problems. With "
                    + "offset and/or limit, items lists that page only (input order; itemsOffset says where it "
                    + "starts, total how many there are).")
    BatchResponses.Status status(@PathVariable UUID id,
                                 @RequestParam(name = "offset", defaultValue = "0") int offset,
                                 @RequestParam(name = "limit", required = false) Integer limit,
                                 HttpServletRequest request) {
        if (offset < 0 || (limit != null && (limit < 1 || limit > MAX_PAGE))) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad page",
                    "offset must be 0 or more and limit between 1 and " + MAX_PAGE);
        }
        BatchJobView job = owned(id, request);
        int pageSize = limit != null ? limit : Integer.MAX_VALUE;
        return BatchResponses.Status.of(job, batches.items(id, offset, pageSize), batches.problems(id), offset);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a batch",
            description = "Items not yet translated are cancelled, running ones stop; finished ones are kept. "
                    + "A batch that has finished stays as it is (409).")
    BatchResponses.Status cancel(@PathVariable UUID id, HttpServletRequest request) {
        BatchJobView job = owned(id, request);
        if (job.status() == BatchStatus.COMPLETED) {
            throw problem(HttpStatus.CONFLICT, "Batch already finished",
                    "Every article of this batch has been processed, so there is nothing left to cancel.");
        }
        batches.cancel(id);
        return status(id, 0, null, request);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry failed and cancelled items", description = "Queues them again with fresh attempts.")
    BatchResponses.Retried retry(@PathVariable UUID id, HttpServletRequest request) {
        owned(id, request);
        int requeued = batches.retry(id).orElseThrow(() -> notFound(id));
        return new BatchResponses.Retried(id, requeued);
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Download the translations",
            description = "Every item in input order; items without a translation say why. "
                    + "Formats: csv, jsonl, md, docx, pdf.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id,
                                                 @RequestParam(name = "format", defaultValue = "csv") String format,
                                                 HttpServletRequest request) {
        ExportFormat exportFormat;
        try {
            exportFormat = BatchExporter.format(format);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown export format", e.getMessage());
        }
        BatchJobView job = owned(id, request);
        // Streamed: the text formats go out as the items are read, a page at a time.
        StreamingResponseBody body = out -> exporter.write(id, exportFormat, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(BatchExporter.fileName(job, exportFormat), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** Set by Spring; absent where the controller is made by hand. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void auditLog(app.tarjim.account.AuditLog audit) {
        this.audit = audit;
    }

    private app.tarjim.account.AuditLog audit;

    /** The batch if the caller owns it; another key's batch is "not found", as if it did not exist. */
    private BatchJobView owned(UUID id, HttpServletRequest request) {
        return batches.find(id).filter(job -> ApiCaller.mayRead(request, job.owner())).orElseThrow(() -> notFound(id));
    }

    private static SummaryOption parseSummary(String summary) {
        try {
            return SummaryOption.parse(summary);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown summary length", e.getMessage());
        }
    }

    private static ErrorResponseException rejected(BatchRejectedException e) {
        return switch (e.reason()) {
            case TOO_LARGE, TOO_MANY_ITEMS -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "Batch too large", e.getMessage());
            case NO_ITEMS -> problem(HttpStatus.BAD_REQUEST, "No articles in the batch", e.getMessage());
            case UNREADABLE -> problem(HttpStatus.BAD_REQUEST, "Batch file cannot be read", e.getMessage());
        };
    }

    private static ErrorResponseException notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, "No such batch",
                "There is no batch " + id + ". It may have been deleted; list yours in the Batches page.");
    }

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
