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
        add(bar, label);
        setVisible(false);
    }

    public void start(String message) {
        setVisible(true);
        bar.setIndeterminate(true);
        label.setText(message);
    }

    public void update(int done, int total, long startedNanos) {
        setVisible(true);
        bar.setIndeterminate(false);
        bar.setValue(total == 0 ? 0 : (double) done / total);
        label.setText(describe(done, total, System.nanoTime() - startedNanos));
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

    public void finish(String message) {
        bar.setIndeterminate(false);
        bar.setValue(1);
        label.setText(message);
    }
}
