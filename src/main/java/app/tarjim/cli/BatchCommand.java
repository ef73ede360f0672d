package app.tarjim.cli;

import app.tarjim.TarjimApplication;
import app.tarjim.batch.BatchExporter;
import app.tarjim.batch.BatchInputParser;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchModels;
import app.tarjim.batch.BatchProgress;
import app.tarjim.batch.BatchRejectedException;
import app.tarjim.batch.BatchService;
import app.tarjim.batch.BatchWorkerPool;
import app.tarjim.batch.HeadlessSpring;
import app.tarjim.batch.InputProblem;
import app.tarjim.batch.NewBatch;
import app.tarjim.batch.ProgressLine;
import app.tarjim.batch.SummaryOption;
import app.tarjim.document.out.ExportFormat;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tarjim batch}: translates a ZIP, CSV or JSONL file of articles into one export file, with the same
 * durable jobs as the web app (in the data folder's database, so a rerun of an interrupted batch resumes
 * it); or, with {@code --worker-only}, runs headless batch workers for a shared database.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {
                "Translates a batch of Arabic articles (.zip of .txt/.html/.docx/.pdf, .csv with id,title,text, "
                        + "or .jsonl) into one file (csv, jsonl, md, docx or pdf).",
                "Jobs are kept in the database in the data folder (TARJIM_DATA_DIR, or TARJIM_DB_URL); "
                        + "running the same command again after an interruption resumes the batch.",
                "With --worker-only it runs batch workers without the web app until stopped, for extra "
                        + "worker machines sharing one PostgreSQL database.",
                "Exit status: 0 all translated, 1 some articles failed, 2 bad options or input file, "
                        + "3 batch rejected, 4 no translation pipeline available."})
public class BatchCommand implements Callable<Integer> {

    static final int EXIT_SOME_FAILED = 1;
    static final int EXIT_BAD_OPTIONS = 2;
    static final int EXIT_REJECTED = 3;
    static final int EXIT_NO_PIPELINE = 4;
    private static final String OWNER = "cli";
    private static final long CONSOLE_REFRESH_MILLIS = 500;
    private static final long LOG_REFRESH_MILLIS = 10_000;

    @Option(names = "--input", paramLabel = "PATH", description = "The batch file: .zip, .csv or .jsonl.")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the translations.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: csv, jsonl, md, docx or pdf (default: from the output file's extension).")
    String format;

    @Option(names = "--summary", defaultValue = "short", paramLabel = "LENGTH",
            description = "Summary per article: short, medium, long or none (default: ${DEFAULT-VALUE}).")
    String summary;

    @Option(names = "--preset", defaultValue = "fast", paramLabel = "PRESET",
            description = "Translation model for every article: fast (opus-mt) or quality (NLLB-200, CC-BY-NC-4.0: "
                    + "non-commercial use only) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--summary-model", defaultValue = "fast", paramLabel = "MODEL",
            description = "Summary model: fast (distilbart-cnn-6-6) or quality (distilbart-cnn-12-6) "
                    + "(default: ${DEFAULT-VALUE}).")
    String summaryModel;

    @Option(names = "--force",
            description = "Translate articles even when too few of their letters are Arabic; text without Arabic "
                    + "letters is copied through unchanged. Without it such articles fail with the reason.")
    boolean force;

    @Option(names = "--worker-only", description = "Only run batch workers (no web app) until stopped.")
    boolean workerOnly;

    @Option(names = "--threads", paramLabel = "N", description = "Articles translated at once (default: half "
            + "the processors, at least one; tarjim.batch.worker.threads).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (workerOnly) {
            return runWorkers(err);
        }
        if (input == null || output == null) {
            return fail(err, "Give both --input PATH (a .zip, .csv or .jsonl file) and --output FILE.",
                    EXIT_BAD_OPTIONS);
        }
        ExportFormat exportFormat;
        SummaryOption summaryOption;
        BatchModels models;
        byte[] content;
        try {
            exportFormat = BatchExporter.format(format != null ? format : extensionOf(output));
            summaryOption = SummaryOption.parse(summary);
            models = BatchModels.parse(preset, summaryModel, force);
            content = Files.readAllBytes(input);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage(), EXIT_BAD_OPTIONS);
        } catch (NoSuchFileException e) {
            return fail(err, "No such file: " + input, EXIT_BAD_OPTIONS);
        } catch (IOException e) {
            return fail(err, "Cannot read " + input + ": " + e.getMessage(), EXIT_BAD_OPTIONS);
        }
        try (ConfigurableApplicationContext context = startSpring(false)) {
            return translate(context, content, exportFormat, summaryOption, models, err);
        }
    }

    private int translate(ConfigurableApplicationContext context, byte[] content, ExportFormat exportFormat,
                          SummaryOption summaryOption, BatchModels models, PrintWriter err)
            throws IOException, InterruptedException {
        if (!context.getBean(BatchWorkerPool.class).canProcess()) {
            return fail(err, "No translation pipeline is available in this installation, so the batch cannot be "
                    + "translated. Install the models (see README, Models) and try again.", EXIT_NO_PIPELINE);
        }
        NewBatch batch;
        try {
            batch = context.getBean(BatchInputParser.class)
                    .parse(content, input.getFileName().toString(), OWNER, null, summaryOption, models);
        } catch (BatchRejectedException e) {
            return fail(err, e.getMessage(), EXIT_REJECTED);
        }
        for (InputProblem problem : batch.problems()) {
            err.println("Skipped " + (problem.lineNumber() > 0
                    ? problem.sourceName() + " line " + problem.lineNumber() : problem.sourceName())
                    + ": " + problem.message());
        }
        BatchService batches = context.getBean(BatchService.class);
        UUID jobId;
        try {
            jobId = batches.submitOrResume(batch);
        } catch (BatchRejectedException e) {
            return fail(err, e.getMessage(), EXIT_REJECTED);
        }
        BatchProgress progress = awaitCompletion(batches, jobId, err);
        writeExport(context.getBean(BatchExporter.class), jobId, exportFormat);
        err.printf("Translated %d of %d articles%s into %s%n", progress.done(), progress.total(),
                progress.failed() > 0 ? " (" + progress.failed() + " failed; their errors are in the file)" : "",
                output);
        err.flush();
        return progress.failed() > 0 ? EXIT_SOME_FAILED : 0;
    }

    /** Shows progress until nothing is left: a line redrawn in place on a console, periodic lines otherwise. */
    private static BatchProgress awaitCompletion(BatchService batches, UUID jobId, PrintWriter err)
            throws InterruptedException {
        boolean console = System.console() != null;
        long refresh = console ? CONSOLE_REFRESH_MILLIS : LOG_REFRESH_MILLIS;
        long lastPrinted = 0;
        while (true) {
            BatchJobView job = batches.find(jobId).orElseThrow();
            BatchProgress progress = job.progress();
            boolean finished = progress.remaining() == 0;
            long now = System.currentTimeMillis();
            if (finished || now - lastPrinted >= refresh) {
                String line = ProgressLine.of(progress);
                err.print(console ? "\r" + line + "   " : line + System.lineSeparator());
                if (console && finished) {
                    err.println();
                }
                err.flush();
                lastPrinted = now;
            }
            if (finished) {
                return progress;
            }
            Thread.sleep(200);
        }
    }

    /** Written next to the target and moved into place, so an interrupted export never leaves half a file. */
    private void writeExport(BatchExporter exporter, UUID jobId, ExportFormat exportFormat) throws IOException {
        Path target = output.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".tarjim-batch-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                exporter.write(jobId, exportFormat, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private int runWorkers(PrintWriter err) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = startSpring(true);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        BatchWorkerPool pool = context.getBean(BatchWorkerPool.class);
        if (!pool.canProcess()) {
            context.close();
            return fail(err, "No translation pipeline is available in this installation, so this JVM cannot "
                    + "process batch items. Install the models (see README, Models).", EXIT_NO_PIPELINE);
        }
        err.println("Batch worker " + pool.workerId() + " running; stop it with Ctrl+C or SIGTERM.");
        err.flush();
        closed.await();
        return 0;
    }

    /**
     * A Spring context without the web server, with the batch workers on. Settings come from the usual places
     * (application.properties, TARJIM_* variables, -D system properties); these are only defaults.
     */
    private ConfigurableApplicationContext startSpring(boolean verbose) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.autoconfigure.exclude", HeadlessSpring.EXCLUDE);
        defaults.put("tarjim.batch.worker.enabled", "true");
        if (threads != null) {
            defaults.put("tarjim.batch.worker.threads", threads.toString());
        }
        if (!verbose) {
            defaults.put("logging.level.root", "WARN");
        }
        return new SpringApplicationBuilder(TarjimApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(verbose)
                .properties(defaults)
                .run();
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Give --format (csv, jsonl, md, docx or pdf): " + file
                    + " has no extension to tell it from.");
        }
        return name.substring(dot + 1);
    }

    private static int fail(PrintWriter err, String message, int status) {
        err.println(message);
        err.flush();
        return status;
    }
}
