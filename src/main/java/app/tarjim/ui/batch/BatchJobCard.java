package app.tarjim.ui.batch;

import app.tarjim.batch.BatchExporter;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchModels;
import app.tarjim.batch.BatchProgress;
import app.tarjim.batch.BatchStatus;
import app.tarjim.batch.InputProblem;
import app.tarjim.batch.ProgressLine;
import app.tarjim.document.out.ExportFormat;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** One job in the Batches view: name, progress bar, counts with ETA, cancel, retry and downloads. */
class BatchJobCard extends Div {

    private static final int PROBLEMS_SHOWN = 5;

    final ProgressBar bar = new ProgressBar(0, 1);
    final Span counts = new Span();
    final Span status = new Span();
    final Button cancel = new Button("Cancel");
    final Button retry = new Button("Retry failed");
    final Div downloads = new Div();

    /** @param qualityStandIn why the fast model stands in for the quality one, if it does */
    BatchJobCard(BatchJobView job, List<InputProblem> problems, BatchExporter exporter,
                 Consumer<BatchJobView> onCancel, Consumer<BatchJobView> onRetry,
                 java.util.Optional<String> qualityStandIn) {
        addClassName("batch-job");
        H3 name = new H3(job.name());
        name.addClassName("batch-job-name");
        status.addClassName("batch-job-status");
        counts.addClassName("batch-job-counts");
        bar.addClassName("batch-job-bar");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(e -> onCancel.accept(job));
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.addClickListener(e -> onRetry.accept(job));
        downloads.addClassName("batch-job-downloads");
        for (ExportFormat format : BatchExporter.FORMATS) {
            downloads.add(download(job, format, exporter));
        }
        Div actions = new Div(cancel, retry, downloads);
        actions.addClassName("batch-job-actions");
        add(name, status, bar, counts, actions);
        if (!job.models().equals(BatchModels.DEFAULT)) {
            Span chosen = new Span(modelsLine(job.models()));
            chosen.addClassName("batch-job-models");
            addComponentAtIndex(2, chosen);
        }
        if (job.models().preset() == app.tarjim.pipeline.models.TranslationPreset.QUALITY) {
            qualityStandIn.ifPresent(reason -> {
                Span standIn = new Span(reason); // e.g. "The quality translation model is unavailable (…); the fast …"
                standIn.addClassName("batch-job-stand-in");
                addComponentAtIndex(Math.min(3, getComponentCount()), standIn);
            });
        }
        if (!problems.isEmpty()) {
            add(problemList(problems));
        }
        update(job);
    }

    /** "Translation: quality · Summaries: quality (distilbart-cnn-12-6) · Few Arabic letters: translated anyway". */
    static String modelsLine(BatchModels models) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add("Translation: " + models.preset().label());
        parts.add("Summaries: " + app.tarjim.ui.ModelPanel.summaryModelLabel(models.summaryModel()));
        if (models.force()) {
            parts.add("Few Arabic letters: translated anyway");
        }
        return String.join(" · ", parts);
    }

    void update(BatchJobView job) {
        BatchProgress progress = job.progress();
        bar.setValue(progress.fraction());
        counts.setText(ProgressLine.of(progress).replaceFirst("^\\[[#-]+] ", ""));
        status.setText(label(job.status()));
        status.getElement().setAttribute("data-status", job.status().name());
        cancel.setEnabled(job.status() == BatchStatus.QUEUED || job.status() == BatchStatus.RUNNING);
        retry.setEnabled(progress.failed() + progress.cancelled() > 0);
    }

    private static String label(BatchStatus status) {
        return switch (status) {
            case QUEUED -> "Queued";
            case RUNNING -> "Translating";
            case COMPLETED -> "Finished";
            case CANCELLED -> "Cancelled";
        };
    }

    private static Anchor download(BatchJobView job, ExportFormat format, BatchExporter exporter) {
        String fileName = BatchExporter.fileName(job, format);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            // Written when clicked, so the file holds whatever is finished by then.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.write(job.id(), format, out);
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, format.contentType(), bytes.length);
        }), format.extension().toUpperCase(Locale.ROOT));
        link.getElement().setAttribute("download", true);
        link.addClassName("batch-download");
        return link;
    }

    private static Div problemList(List<InputProblem> problems) {
        UnorderedList list = new UnorderedList();
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> list.add(new ListItem(
                (p.lineNumber() > 0 ? p.sourceName() + " line " + p.lineNumber() : p.sourceName()) + ": "
                        + p.message())));
        Span heading = new Span(problems.size() == 1 ? "1 part of the file was skipped:"
                : problems.size() + " parts of the file were skipped" + (problems.size() > PROBLEMS_SHOWN
                ? " (first " + PROBLEMS_SHOWN + " shown):" : ":"));
        Div box = new Div(heading, list);
        box.addClassName("batch-job-problems");
        return box;
    }
}
