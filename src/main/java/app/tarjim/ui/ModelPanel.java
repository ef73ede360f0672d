package app.tarjim.ui;

import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.ModelsStatus;
import app.tarjim.pipeline.models.DownloadProgress;
import app.tarjim.pipeline.models.ModelEntry;
import app.tarjim.pipeline.models.TranslationPreset;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the models stand, at the top of the page while it matters: which model is downloading, MB done of
 * total, speed and time left; then loading; hidden once they are ready. When the demo models stand in, it
 * says why and which command installs the real ones. Polls once a second only while something is changing.
 */
public class ModelPanel extends Div {

    static final int POLL_MILLIS = 1000;
    static final String FIX_COMMAND = "java -jar tarjim.jar models pull";

    private final ModelService models;
    final ProgressBar bar = new ProgressBar();
    final Span line = new Span();
    private Registration polling;

    public ModelPanel(ModelService models) {
        this.models = models;
        addClassName("model-panel");
        setId("model-panel");
        bar.getElement().setAttribute("aria-label", "Model download");
        line.setId("model-panel-line");
        getElement().setAttribute("role", "status");
        add(bar, line);
        refresh();
    }

    /** Shows the current state; true while it is still changing (worth polling). */
    boolean refresh() {
        ModelsStatus status = models.status();
        switch (status.state()) {
            case DOWNLOADING -> {
                show(describe(status), false);
                status.percent().ifPresentOrElse(p -> {
                    bar.setIndeterminate(false);
                    bar.setValue(p / 100.0);
                }, () -> bar.setIndeterminate(true));
            }
            case CHECKING, LOADING -> {
                show("Loading the translation models. Articles you submit start when they are ready.", false);
                bar.setIndeterminate(true);
            }
            // The demo banner above says why; this says what fixes it.
            case DEMO -> show("To install the real models, run " + FIX_COMMAND + " on this server (or, without "
                    + "network, copy exported folders in with models import DIR --as ROLE), then restart it.", true);
            case FAILED -> show("No model can be used: " + status.message() + " Run " + FIX_COMMAND
                    + " or see the README, Models.", true);
            case READY -> setVisible(false);
        }
        return status.state().articlesWait();
    }

    private void show(String text, boolean problem) {
        setVisible(true);
        line.setText(text);
        bar.setVisible(!problem);
        getElement().getClassList().set("problem", problem);
    }

    /**
     * The preset's name for the model choice, with the licence when it restricts use: "quality (NLLB-200,
     * CC-BY-NC-4.0, non-commercial use only)"; the plain name otherwise.
     */
    public static String presetLabel(TranslationPreset preset, Optional<ModelEntry> model) {
        return model.filter(ModelEntry::nonCommercial)
                .map(entry -> preset.label() + " (" + entry.repo().substring(entry.repo().indexOf('/') + 1) + ", "
                        + entry.licenceText() + ")")
                .orElse(preset.label());
    }

    /**
     * The translation model and summary model choices as the translate and Batches pages offer them: fast by
     * default (the quality ones are opt-in), the licence in the quality preset's label.
     */
    public static void setUpModelChoices(com.vaadin.flow.component.radiobutton.RadioButtonGroup<TranslationPreset> preset,
                                         com.vaadin.flow.component.select.Select<TranslationPreset> summaryModel,
                                         app.tarjim.pipeline.ModelService models) {
        preset.setLabel("Model");
        preset.setItems(TranslationPreset.values());
        preset.setItemLabelGenerator(p -> presetLabel(p, models.translationModel(p)));
        preset.setValue(TranslationPreset.FAST);
        summaryModel.setLabel("Summary model");
        summaryModel.addClassName("summary-model-select");
        summaryModel.setItems(TranslationPreset.values());
        summaryModel.setItemLabelGenerator(ModelPanel::summaryModelLabel);
        summaryModel.setValue(TranslationPreset.FAST);
    }

    /** The summary model choice's name: which distilbart it is. */
    public static String summaryModelLabel(TranslationPreset model) {
        return model == TranslationPreset.QUALITY ? "quality (distilbart-cnn-12-6, slower)"
                : "standard (distilbart-cnn-6-6)";
    }

    /** "Downloading Xenova/opus-mt-ar-en: 120 of 300 MB (40%) · 4.2 MB/s · about 43 s left. …" */
    static String describe(ModelsStatus status) {
        DownloadProgress progress = status.progress();
        StringBuilder text = new StringBuilder("Downloading ").append(progress.repo()).append(": ")
                .append(megabytes(progress.overallBytes()));
        if (progress.overallTotal() > 0) {
            text.append(" of ").append(megabytes(progress.overallTotal()));
        }
        text.append(" MB");
        status.percent().ifPresent(p -> text.append(" (").append(p).append("%)"));
        if (status.bytesPerSecond() > 0) {
            text.append(" · ").append(megabytes((long) status.bytesPerSecond())).append(" MB/s");
        }
        status.secondsLeft().ifPresent(s -> text.append(" · about ").append(ProgressLine.formatSeconds(s))
                .append(" left"));
        return text.append(". Articles you submit start when the models are ready.").toString();
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1_000_000.0;
        return mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : String.valueOf(Math.round(mb));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (refresh()) {
            UI ui = event.getUI();
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(this::onPoll);
        }
    }

    private void onPoll(PollEvent event) {
        if (!refresh()) {
            stopPolling(event.getSource());
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }
}
