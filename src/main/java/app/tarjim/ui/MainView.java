package app.tarjim.ui;

import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.ServerBusyException;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.TranslationJob;
import app.tarjim.document.in.ArticleFetch;
import app.tarjim.document.in.DocumentImportException;
import app.tarjim.document.in.DocumentTextExtractor;
import app.tarjim.document.in.ExtractedDocument;
import app.tarjim.document.in.UrlArticleFetcher;
import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.TranslatedSentence;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import app.tarjim.ui.account.AccountLinks;
import app.tarjim.account.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The translate page: Arabic in (pasted, uploaded or fetched by URL), then the source and the English
 * side by side as sentences are translated, the summary, downloads and a share link; and this
 * browser's recent articles.
 */
@Route("")
@PageTitle("Tarjim — Arabic news in English")
@PermitAll // with sign-in on: any signed-in user; mode none checks no views
public class MainView extends VerticalLayout implements BeforeEnterObserver {

    static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

    private final ArticleTranslationJobs jobs;
    private final ArticleService articles;
    private final ModelService models;
    private final UrlArticleFetcher fetcher;
    private final ArticleEditing editing;
    private final String owner;

    final TextArea input = new TextArea();
    final Span inputError = new Span();
    final TextField url = new TextField();
    final Button fetch = new Button("Fetch");
    final Button cancelFetch = new Button("Cancel");
    final Span fetchStatus = new Span();
    final Upload upload = new Upload();
    final Select<SummaryLength> summaryLength = new Select<>();
    final RadioButtonGroup<TranslationPreset> preset = new RadioButtonGroup<>();
    final Select<TranslationPreset> summaryModel = new Select<>();
    final GlossaryEditor glossary;
    final Button translate = new Button("Translate");
    /** Next to the warning about too few Arabic letters: the user knows the text quotes English and goes on. */
    final Button translateAnyway = new Button("Translate anyway");
    final Button cancel = new Button("Cancel");
    final Div demoBanner = new Div();
    final Span status = new Span();
    final ProgressLine progress = new ProgressLine();
    final PairedReadingView reading = new PairedReadingView();
    final ResultActions result;
    final HistoryPanel history;
    final Button undoLast = new Button("Undo last edit");
    final Span editStatus = new Span();
    /** Sentences this page edited, newest last, for "Undo last edit". */
    private final Deque<Integer> edited = new ArrayDeque<>();

    private final Div editBar;
    private TranslationJob job;
    /** The article on screen (translating or finished), so deleting it from the history clears the page. */
    private UUID shown;
    private ArticleFetch pendingFetch;
    private Runnable unsubscribe = () -> { };

    public MainView(ArticleTranslationJobs jobs, ArticleService articles, ShareService shares, ModelService models,
                    UrlArticleFetcher fetcher, ShareAddress shareAddress, BrowserGlossaries glossaries,
                    ArticleEditing editing) {
        this.jobs = jobs;
        this.editing = editing;
        this.articles = articles;
        this.models = models;
        this.fetcher = fetcher;
        this.owner = BrowserOwner.current();
        this.result = new ResultActions(shares, owner, shareAddress.base(), editing.summaries());
        this.history = new HistoryPanel(articles, owner, this::deleted);
        this.glossary = new GlossaryEditor(glossaries, owner);
        addClassName("main-view");
        setWidthFull();
        getElement().setAttribute("role", "main"); // axe landmark-one-main / region: all content in one landmark

        H1 title = new H1("Tarjim");
        Paragraph tagline = new Paragraph("Paste an Arabic news article to read it in English, side by side.");
        tagline.addClassName("tagline");
        Anchor batches = new Anchor("batches", "Batches");
        Anchor glossaryPage = new Anchor("glossary", "Glossary");
        glossaryPage.setId("glossary-link");
        Div header = new Div(title, new Div(glossaryPage, batches), new AccountLinks());
        header.addClassName("app-header");

        demoBanner.addClassName("demo-banner");
        demoBanner.setId("demo-banner");
        demoBanner.setVisible(false);

        // The summary and actions sit above the paired rows: once ready, the summary is the first thing read.
        undoLast.setId("undo-last-edit");
        undoLast.addThemeVariants(ButtonVariant.LUMO_SMALL);
        undoLast.setVisible(false);
        undoLast.addClickListener(e -> undoLastEdit());
        editStatus.setId("edit-status");
        editStatus.addClassName("edit-status");
        editStatus.getElement().setAttribute("role", "status");
        Span editHint = new Span("Select an English sentence (or press Enter on it) for other translations and to edit it.");
        editHint.addClassName("edit-hint");
        Div editBar = new Div(editHint, undoLast, editStatus);
        editBar.addClassName("edit-bar");
        editBar.setId("edit-bar");
        editBar.setVisible(false);
        this.editBar = editBar;
        Div results = new Div(result, editBar, reading);
        results.addClassName("results");
        results.setId("results");
        results.getElement().setAttribute("tabindex", "-1");
        add(new SkipLink("Skip to the translation", results), header, tagline, demoBanner, new ModelPanel(models),
                inputSection(), progress, status, results, history);
        updateBanner(models.resolved(TranslationPreset.FAST).orElse(null));
    }

    /** The audit log, when Spring makes the view (sign-in on logs who translated and shared). */
    @Autowired(required = false)
    void audit(AuditLog audit) {
        this.audit = audit;
        result.onShareChanged((made, link) -> audit.recordWork(owner, made ? AuditLog.SHARED : AuditLog.REVOKED_SHARE,
                link.articleId().toString(), link.token().substring(0, 6) + "…"));
    }

    private AuditLog audit;

    private Div inputSection() {
        input.setLabel("Arabic article");
        input.setPlaceholder("الصق نص المقال هنا");
        input.addClassName("arabic-input");
        input.getElement().setAttribute("dir", "rtl");
        input.getElement().setAttribute("lang", "ar");
        input.setWidthFull();
        input.setMinHeight("8em");
        input.setMaxHeight("16em");
        inputError.addClassName("input-error");
        inputError.setId("input-error");
        translateAnyway.setId("translate-anyway");
        translateAnyway.getElement().setAttribute("aria-describedby", "input-error");
        translateAnyway.setVisible(false);
        translateAnyway.addClickListener(e -> startTranslation(true));
        // The warning was about the text as it was; edited text is checked afresh by Translate.
        input.addValueChangeListener(e -> translateAnyway.setVisible(false));

        url.setPlaceholder("https://… article address");
        url.addClassName("url-field");
        url.setClearButtonVisible(true);
        fetch.addClickListener(e -> fetchUrl());
        cancelFetch.setId("cancel-fetch");
        cancelFetch.setVisible(false);
        cancelFetch.addClickListener(e -> {
            if (pendingFetch != null) {
                pendingFetch.cancel();
            }
        });
        fetchStatus.addClassName("fetch-status");
        fetchStatus.setId("fetch-status");

        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = upload.getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> loadFile(metadata.fileName(), metadata.contentType(), bytes));
            }
        }));
        upload.setAcceptedFileTypes(".txt", ".html", ".htm", ".docx", ".pdf");
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Span("Or drop a .txt, .html, .docx or .pdf file"));
        upload.addFileRejectedListener(e -> inputError.setText(e.getErrorMessage()));
        upload.addClassName("article-upload");

        summaryLength.setLabel("Summary");
        summaryLength.setItems(SummaryLength.values());
        summaryLength.setItemLabelGenerator(SummaryLength::label);
        summaryLength.setValue(SummaryLength.MEDIUM);
        ModelPanel.setUpModelChoices(preset, summaryModel, models);
        summaryModel.setId("summary-model");
        Div optionsBody = new Div(summaryLength, summaryModel, preset, glossary);
        optionsBody.addClassName("options");
        Details options = new Details("Options", optionsBody);

        translate.setId("translate");
        translate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        translate.addClickListener(e -> startTranslation());
        cancel.setId("cancel");
        cancel.setEnabled(false);
        cancel.addClickListener(e -> {
            if (job != null) {
                jobs.cancel(job.articleId());
                status.setText("Cancelling…");
            }
        });
        status.addClassName("status");
        status.setId("status");
        status.getElement().setAttribute("role", "status");

        Div urlRow = new Div(url, fetch, cancelFetch, fetchStatus);
        urlRow.addClassName("url-row");
        Div buttons = new Div(translate, cancel);
        buttons.addClassName("button-row");
        Div warning = new Div(inputError, translateAnyway);
        warning.addClassName("input-warning");
        Div section = new Div(input, warning, urlRow, upload, options, buttons);
        section.addClassName("input-section");
        return section;
    }

    void loadFile(String fileName, String contentType, byte[] bytes) {
        try {
            ExtractedDocument document = new DocumentTextExtractor(MAX_UPLOAD_BYTES).extract(bytes, fileName, contentType);
            input.setValue(document.text());
            inputError.setText("");
            status.setText("Loaded " + fileName + ".");
        } catch (DocumentImportException e) {
            inputError.setText(e.getMessage());
        }
    }

    /** Starts the fetch in the background; the page stays usable and the fetch can be cancelled. */
    void fetchUrl() {
        fetchStatus.setText(""); // a "Fetched …" line from an earlier attempt must not sit beside a new error
        inputError.setText("");
        String address = url.getValue();
        if (address == null || address.isBlank()) {
            inputError.setText("Type the address of an article page first.");
            return;
        }
        UI ui = UI.getCurrent();
        ArticleFetch running = fetcher.start(address);
        pendingFetch = running;
        fetch.setEnabled(false);
        cancelFetch.setVisible(true);
        fetchStatus.setText("Fetching " + (running.address() == null ? address.strip() : running.address()) + "…");
        running.result().whenComplete((document, error) -> access(ui, () -> fetched(running, document, error)));
    }

    void fetched(ArticleFetch done, ExtractedDocument document, Throwable error) {
        if (done != pendingFetch) {
            return; // replaced or abandoned on detach
        }
        pendingFetch = null;
        fetch.setEnabled(true);
        cancelFetch.setVisible(false);
        if (error == null) {
            input.setValue(document.text());
            inputError.setText("");
            fetchStatus.setText("Fetched the article from " + done.address() + ".");
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ArticleFetch.Cancelled) {
            fetchStatus.setText("Fetch cancelled.");
            return;
        }
        fetchStatus.setText("");
        inputError.setText(cause instanceof DocumentImportException ? cause.getMessage()
                : "Could not fetch " + url.getValue().strip() + ".");
    }

    private static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // The page was closed while the fetch ran; there is nobody to tell.
        }
    }

    void startTranslation() {
        startTranslation(false);
    }

    /** @param force the user chose "Translate anyway" after the warning that too few letters are Arabic */
    void startTranslation(boolean force) {
        inputError.setText("");
        translateAnyway.setVisible(false);
        Glossary terms;
        try {
            terms = glossary.glossary();
        } catch (RuntimeException e) {
            inputError.setText("Glossary: " + e.getMessage());
            return;
        }
        PipelineRequest request = new PipelineRequest(input.getValue(), summaryLength.getValue(), preset.getValue(), terms,
                force, summaryModel.getValue());
        try {
            job = jobs.start(owner, request);
            if (audit != null) {
                audit.recordWork(owner, AuditLog.TRANSLATED, job.articleId().toString(), null);
            }
        } catch (InputRejectedException e) {
            inputError.setText(e.getMessage()); // what the user typed stays in the text area
            translateAnyway.setVisible(e.forceable());
            return;
        } catch (ServerBusyException e) {
            inputError.setText(e.getMessage());
            return;
        }
        reading.clear();
        result.setVisible(false);
        editBar.setVisible(false);
        shown = job.articleId();
        progress.start(models.status().state().articlesWait() ? models.status().waitingLine()
                : "Preparing the models and cutting the article into sentences…");
        status.setText("");
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "?article=" + job.articleId()));
        watch(job);
        getUI().ifPresent(ui -> showFetching(ui, job));
    }

    /**
     * While the running article waits for its models and one is being downloaded (a quality model's first use
     * fetches about a gigabyte), the progress line says how far it is, once a second, until the first sentence.
     */
    private void showFetching(UI ui, TranslationJob running) {
        java.util.concurrent.CompletableFuture.runAsync(() -> ui.access(() -> {
            if (job != running || translating) {
                return;
            }
            models.downloadProgress()
                    .filter(d -> d.overallTotal() <= 0 || d.overallBytes() < d.overallTotal())
                    .ifPresent(progress::fetching);
            showFetching(ui, running);
        }), java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS));
    }

    /** Set once the running article's sentences come: its models are there. */
    private volatile boolean translating;

    private void watch(TranslationJob running) {
        unsubscribe.run();
        this.job = running;
        this.translating = false;
        translate.setEnabled(false);
        cancel.setEnabled(true);
        UI ui = UI.getCurrent();
        unsubscribe = running.subscribe(new TranslationJob.Watcher() {
            @Override
            public void onSegmented(SegmentedText text) {
                ui.access(() -> reading.showSegments(text));
            }

            @Override
            public void onSentence(TranslatedSentence sentence) {
                translating = true;
                ui.access(() -> reading.showSentence(sentence));
            }

            @Override
            public void onQueued(int ahead) {
                ui.access(() -> progress.queued(ahead));
            }

            @Override
            public void onProgress(int done, int total) {
                translating = true;
                ui.access(() -> {
                    progress.update(done, total, running.startedNanos());
                    if (done == total) {
                        progress.label.setText(total + " of " + total + " sentences translated · summarizing…");
                    }
                });
            }

            @Override
            public void onFinished(StoredArticle article) {
                ui.access(() -> finished(article));
            }
        });
    }

    void finished(StoredArticle article) {
        job = null;
        translate.setEnabled(true);
        cancel.setEnabled(false);
        updateBanner(article.demo());
        switch (article.status()) {
            case DONE -> {
                progress.finish(article.sentences().size() + " sentences translated.");
                reading.showStored(article);
                reading.enableEditing(this::openSentence);
                edited.clear();
                undoLast.setVisible(false);
                editBar.setVisible(true);
                result.show(article);
                long flagged = article.sentences().stream().filter(s -> s.flagged()).count();
                status.setText(flagged == 0 ? "Done." : "Done. " + flagged
                        + " sentences have low confidence: they carry a ! marker; select it, or press Enter on"
                        + " the sentence, for the figure.");
            }
            case CANCELLED -> {
                progress.finish("Cancelled.");
                status.setText("Translation cancelled. The article is kept in your history.");
            }
            case FAILED -> {
                progress.finish("Failed.");
                status.setText("Translation failed: " + article.errorMessage());
            }
            default -> status.setText("Status: " + article.status().name().toLowerCase(Locale.ROOT)
                    + ". Reopen the article later to see the result.");
        }
        history.refresh();
    }

    /** Opens the editor under sentence {@code index} of the finished article on screen, alternatives loading. */
    void openSentence(int index) {
        Optional<StoredArticle> article = Optional.ofNullable(shown).flatMap(articles::find);
        Optional<app.tarjim.article.StoredSentence> sentence = article.flatMap(a -> a.sentence(index));
        if (sentence.isEmpty()) {
            return;
        }
        SentenceEditor editor = new SentenceEditor(editing, shown, owner, sentence.get(),
                editing.edits().editCount(shown, index), new SentenceEditor.Listener() {
            @Override
            public void saved(app.tarjim.article.StoredSentence changed) {
                sentenceChanged(changed);
            }

            @Override
            public void closed() {
                reading.closeEditor();
            }

            @Override
            public void glossaryChanged() {
                glossary.reload();
            }
        });
        reading.openEditor(editor);
        editor.focusText();
        UI ui = UI.getCurrent();
        if (ui != null) {
            editor.loadAlternatives(ui, 3);
        }
    }

    /** A sentence changed (edited, undone, or found changed by another tab): the rows, summary state and downloads follow. */
    void sentenceChanged(app.tarjim.article.StoredSentence changed) {
        reading.update(changed);
        if (changed.edited()) {
            edited.remove(changed.sentenceIndex());
            edited.addLast(changed.sentenceIndex());
        }
        undoLast.setVisible(!edited.isEmpty());
        articles.find(shown).ifPresent(result::update);
    }

    /** Undoes the newest edit made on this page; refused, with the reason, when another tab changed that sentence. */
    void undoLastEdit() {
        Integer index = edited.pollLast();
        if (index == null || shown == null) {
            undoLast.setVisible(false);
            return;
        }
        Optional<app.tarjim.article.StoredSentence> current = articles.find(shown).flatMap(a -> a.sentence(index));
        if (current.isEmpty()) {
            return;
        }
        try {
            app.tarjim.article.StoredSentence restored = editing.edits().undo(shown, owner, index,
                    current.get().revision());
            reading.closeEditor();
            reading.update(restored);
            if (restored.edited()) {
                edited.addLast(index); // an older edit of it is back, and can be undone in turn
            }
            editStatus.setText("Undid the edit of sentence " + (index + 1) + ".");
        } catch (app.tarjim.article.EditRejectedException e) {
            editStatus.setText(e.getMessage());
        }
        undoLast.setVisible(!edited.isEmpty());
        articles.find(shown).ifPresent(result::update);
    }

    /** The resolution's notice: demo models and why, or that the fast model stands in for the quality one. */
    private void updateBanner(ModelResolution resolution) {
        if (resolution != null) {
            demoBanner.setVisible(resolution.notice().isPresent());
            demoBanner.setText(resolution.notice().orElse(""));
        }
    }

    private void updateBanner(boolean demo) {
        demoBanner.setVisible(demo);
        demoBanner.setText(demo ? ModelResolution.DEMO_NOTICE
                + " The real models are not installed (see README, Models)." : "");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault("article", List.of());
        if (ids.isEmpty()) {
            return;
        }
        Optional<StoredArticle> article = parse(ids.get(0)).flatMap(articles::find)
                .filter(a -> a.owner().equals(owner) || BrowserOwner.mayRead(a.owner()));
        if (article.isEmpty()) {
            status.setText("That article is not in this browser's history.");
            return;
        }
        StoredArticle stored = article.get();
        shown = stored.id();
        input.setValue(stored.sourceText());
        Optional<TranslationJob> running = jobs.running(stored.id());
        if (running.isPresent() && !stored.status().isFinal()) {
            progress.start("Translating…");
            watch(running.get());
        } else {
            finished(stored);
        }
    }

    /** The article just deleted from the history: if it is the one on screen, the page lets go of it. */
    void deleted(UUID id) {
        if (!id.equals(shown)) {
            status.setText("Article deleted.");
            return;
        }
        if (job != null && job.articleId().equals(id)) {
            job.cancel();
        }
        unsubscribe.run();
        unsubscribe = () -> { };
        job = null;
        shown = null;
        translate.setEnabled(true);
        cancel.setEnabled(false);
        reading.clear();
        result.clear();
        editBar.setVisible(false);
        progress.hide();
        status.setText("Article deleted. Its share links no longer open.");
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "."));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!demoBanner.isVisible()) {
            models.prepare(TranslationPreset.FAST).thenAccept(resolution ->
                    event.getUI().access(() -> updateBanner(resolution)));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
        if (pendingFetch != null) {
            pendingFetch.cancel();
            pendingFetch = null;
        }
    }
}
