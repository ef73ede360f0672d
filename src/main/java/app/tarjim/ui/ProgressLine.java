package app.tarjim.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** Sentences done of total, and a time-left estimate from the rate so far. */
public class ProgressLine extends Div {

    final ProgressBar bar = new ProgressBar();
    final Span label = new Span();

    public ProgressLine() {
        addClassName("progress-line");
        label.addClassName("progress-label");
        label.setId("progress-label");
        // axe aria-progressbar-name: the bar is named; the label beside it carries the changing figures.
        bar.getElement().setAttribute("aria-label", "Translation progress");
        bar.getElement().setAttribute("aria-describedby", "progress-label");
        add(bar, label);
        setVisible(false);
    }

    public void start(String message) {
        setVisible(true);
        // While it runs the line is sticky (styles.css), so a phone keeps it in view under the article.
        addClassName("running");
        bar.setIndeterminate(true);
        label.setText(message);
    }

    public void update(int done, int total, long startedNanos) {
        setVisible(true);
        addClassName("running");
        bar.setIndeterminate(false);
        bar.setValue(total == 0 ? 0 : (double) done / total);
        label.setText(describe(done, total, System.nanoTime() - startedNanos));
    }

    /**
     * Waiting for a model that is being fetched for its first use (the quality models are fetched when first
     * chosen): how far the download is. Shown until the article's first sentence arrives.
     */
    public void fetching(app.tarjim.pipeline.models.DownloadProgress download) {
        if (getClassNames().contains("running")) {
            label.setText(fetchingText(download));
        }
    }

    /** "Fetching Xenova/nllb-200-distilled-600M for its first use: 120 of 895 MB (13%). …" */
    static String fetchingText(app.tarjim.pipeline.models.DownloadProgress download) {
        StringBuilder text = new StringBuilder("Fetching ").append(download.repo()).append(" for its first use: ")
                .append(Math.round(download.overallBytes() / 1_000_000.0));
        if (download.overallTotal() > 0) {
            text.append(" of ").append(Math.round(download.overallTotal() / 1_000_000.0)).append(" MB (")
                    .append(Math.round(100.0 * download.overallBytes() / download.overallTotal())).append("%)");
        } else {
            text.append(" MB");
        }
        return text.append(". The translation starts when it is here; you can cancel.").toString();
    }

    /** Waiting for a free slot: the server is busy with other articles; says where this one stands. */
    public void queued(int ahead) {
        start(queuedMessage(ahead));
    }

    static String queuedMessage(int ahead) {
        String place = ahead == 0 ? "yours is next in the queue"
                : ahead == 1 ? "1 article is ahead of yours in the queue"
                : ahead + " articles are ahead of yours in the queue";
        return "The server is busy: " + place + ". It starts by itself; you can cancel.";
    }

    static String describe(int done, int total, long elapsedNanos) {
        String text = done + " of " + total + " sentences translated";
        if (done > 0 && done < total) {
            double secondsLeft = elapsedNanos / 1e9 / done * (total - done);
            text += " · about " + formatSeconds(secondsLeft) + " left";
        }
        return text;
    }

    static String formatSeconds(double seconds) {
        if (seconds < 60) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        return Math.round(seconds / 60) + " min";
    }

    /** Gone, as when the article it was counting for is deleted. */
    public void hide() {
        removeClassName("running");
        setVisible(false);
    }

    public void finish(String message) {
        removeClassName("running");
        bar.setIndeterminate(false);
        bar.setValue(1);
        label.setText(message);
    }
}
