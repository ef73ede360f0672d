package app.tarjim.ui.batch;

import app.tarjim.batch.BatchExporter;
import app.tarjim.batch.BatchInputParser;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchModels;
import app.tarjim.batch.BatchProperties;
import app.tarjim.batch.BatchRejectedException;
import app.tarjim.batch.BatchService;
import app.tarjim.batch.NewBatch;
import app.tarjim.batch.SummaryOption;
import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.ui.BrowserOwner;
import app.tarjim.ui.DemoBanner;
import app.tarjim.ui.ModelPanel;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Batches page: upload a file of articles, watch every job's progress (refreshed by polling while the
 * page is open), cancel, retry failed items and download the translations.
 */
@Route("batches")
@jakarta.annotation.security.PermitAll // with sign-in on: any signed-in user
@PageTitle("Batches — Tarjim")
public class BatchesView extends VerticalLayout {

    /**
     * Jobs made on this page before batches were kept per browser; every browser still sees them. Jobs made now
     * belong to {@code web:} plus the browser's id (the same cookie as the translate view's history), so a
     * browser lists its own batches only, and their articles stay out of its translation history.
     */
    static final String SHARED_OWNER = "web";
    static final int JOBS_SHOWN = 20;
    private static final int REFRESH_MILLIS = 2000;

    final Select<SummaryOption> summary = new Select<>();
    final RadioButtonGroup<TranslationPreset> preset = new RadioButtonGroup<>();
    final Select<TranslationPreset> summaryModel = new Select<>();
    final Checkbox force = new Checkbox("Translate articles with few Arabic letters anyway (non-Arabic text is "
            + "kept as it is)");
    final Upload upload;
    final Span message = new Span();
    final Div jobs = new Div();

    private final BatchService batches;
    private final BatchInputParser parser;
    private final BatchExporter exporter;
    private final ModelService models;
    private final String owner;
    private Registration polling;

    public BatchesView(BatchService batches, BatchInputParser parser, BatchExporter exporter,
                       BatchProperties properties, ModelService models) {
        this.batches = batches;
        this.parser = parser;
        this.exporter = exporter;
        this.models = models;
        this.owner = ownerFor(BrowserOwner.current());
        addClassName("batches-view");
        setWidthFull();
        getElement().setAttribute("role", "main"); // axe landmark-one-main / region

        summary.setLabel("Summary per article");
        summary.setItems(SummaryOption.values());
        summary.setItemLabelGenerator(option -> option.name().charAt(0) + option.name().substring(1)
                .toLowerCase(Locale.ROOT));
        summary.setValue(SummaryOption.SHORT);
        ModelPanel.setUpModelChoices(preset, summaryModel, models);
        force.addClassName("batch-force");

        upload = new Upload(UploadHandler.inMemory((metadata, content) ->
                accept(metadata.fileName(), content)));
        upload.setAcceptedFileTypes(".zip", ".csv", ".jsonl", ".ndjson");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, properties.maxUploadSize().toBytes()));
        upload.addFileRejectedListener(e -> showMessage(e.getErrorMessage(), true));
        upload.addClassName("batch-upload");

        message.addClassName("batch-message");
        jobs.addClassName("batch-jobs");
        Paragraph help = new Paragraph("Upload a .zip of .txt, .html, .docx or .pdf articles, a .csv with the "
                + "columns id, title, text, or a .jsonl file with one {\"id\", \"title\", \"text\"} per line. "
                + "Lines that cannot be read are listed with the job; the rest is translated.");
        help.addClassName("tagline");
        com.vaadin.flow.component.html.Div header = new com.vaadin.flow.component.html.Div(new H1("Batches"),
                new com.vaadin.flow.component.html.Anchor("", "Translate one article"));
        header.addClassName("app-header");
        message.getElement().setAttribute("role", "status");
        // An h2 over the job cards' h3 names, so headings go down one level at a time (axe heading-order).
        H2 jobsHeading = new H2("Recent batches");
        Div options = new Div(summary, summaryModel, preset);
        options.addClassName("options");
        add(header, help, new DemoBanner(models), options, force, upload, message, jobsHeading, jobs);
        refresh();
    }

    /** Stores the uploaded file as a job; the upload handler calls this with the whole file in memory. */
    void accept(String fileName, byte[] content) {
        try {
            NewBatch batch = parser.parse(content, fileName, owner, null, summary.getValue(),
                    new BatchModels(preset.getValue(), summaryModel.getValue(), force.getValue()));
            java.util.UUID id = batches.submit(batch);
            if (audit != null) {
                app.tarjim.security.SignedIn.current().ifPresent(user -> audit.record(user.name(),
                        app.tarjim.account.AuditLog.BATCH_STARTED, id.toString(),
                        batch.describe()));
            }
            int skipped = batch.problems().size();
            showMessage("Queued " + batch.items().size() + " article" + (batch.items().size() == 1 ? "" : "s")
                    + " from " + fileName + (skipped > 0 ? "; " + skipped + " part" + (skipped == 1 ? " was" : "s were")
                    + " skipped (see below)." : "."), false);
        } catch (BatchRejectedException e) {
            showMessage(e.getMessage(), true);
        }
        refresh();
    }

    /** Set by Spring; absent where the view is made by hand (tests). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void audit(app.tarjim.account.AuditLog audit) {
        this.audit = audit;
    }

    private app.tarjim.account.AuditLog audit;

    static String ownerFor(String browser) {
        return SHARED_OWNER + ":" + browser;
    }

    /**
     * Whose jobs are listed: this browser's (or user's) and the old shared ones; with sign-in on also the
     * user's jobs made through the API with their keys, and the old shared ones only for admins.
     */
    private List<String> listed() {
        return app.tarjim.security.SignedIn.current()
                .map(user -> user.admin() ? List.of(owner, user.owner(), SHARED_OWNER) : List.of(owner, user.owner()))
                .orElse(List.of(owner, SHARED_OWNER));
    }

    void refresh() {
        // why the fast model stands in for the quality one, when it does (said on the cards of quality batches)
        Optional<String> qualityStandIn = models.resolved(TranslationPreset.QUALITY)
                .map(resolution -> resolution.translation().reason());
        jobs.removeAll();
        for (BatchJobView job : batches.recent(listed(), JOBS_SHOWN)) {
            jobs.add(new BatchJobCard(job, batches.problems(job.id()), exporter, this::cancel, this::retry,
                    qualityStandIn));
        }
        if (jobs.getComponentCount() == 0) {
            Span empty = new Span("No batches yet.");
            empty.addClassName("batch-empty");
            jobs.add(empty);
        }
    }

    private void cancel(BatchJobView job) {
        batches.cancel(job.id());
        showMessage("Cancelled " + job.name() + ". Finished translations are kept.", false);
        refresh();
    }

    private void retry(BatchJobView job) {
        int requeued = batches.retry(job.id()).orElse(0);
        showMessage("Queued " + requeued + " article" + (requeued == 1 ? "" : "s") + " of " + job.name()
                + " again.", false);
        refresh();
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().getClassList().set("error", error);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(REFRESH_MILLIS);
        polling = ui.addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
