package app.tarjim.cli;

import app.tarjim.pipeline.models.DownloadListener;
import app.tarjim.pipeline.models.DownloadProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line download bar on stderr, redrawn with {@code \r} at most every 200 ms:
 * {@code repo [3/10] onnx/encoder_model_quantized.onnx [=====>    ] 12.3/45.6 MB 3.4 MB/s}.
 */
final class ProgressBar implements DownloadListener {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;
    private static final double MB = 1_000_000.0;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private long startNanos;
    private long startBytes;
    private long lastDraw;
    private boolean drawn;
    /** nanoTime may be any value, negative too: flags, not sentinels. */
    private boolean started;
    private int lastWidth;

    ProgressBar(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    ProgressBar(PrintWriter err) {
        this(err, System::nanoTime);
    }

    @Override
    public void onProgress(DownloadProgress progress) {
        long now = nanoClock.getAsLong();
        if (!started) {
            started = true;
            startNanos = now;
            startBytes = progress.overallBytes();
        }
        boolean done = progress.overallTotal() >= 0 && progress.overallBytes() >= progress.overallTotal();
        if (!done && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        String line = line(progress, now);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        if (done) {
            err.println();
            started = false;
            lastWidth = 0;
            drawn = false;
        }
        err.flush();
    }

    String line(DownloadProgress progress, long now) {
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double speed = (progress.overallBytes() - startBytes) / MB / seconds;
        String total = progress.overallTotal() >= 0 ? String.format(Locale.ROOT, "%.1f", progress.overallTotal() / MB) : "?";
        return String.format(Locale.ROOT, "%s [%d/%d] %s %s %.1f/%s MB %.1f MB/s", progress.repo(),
                progress.fileIndex() + 1, progress.fileCount(), progress.file(), bar(progress),
                progress.overallBytes() / MB, total, speed);
    }

    private static String bar(DownloadProgress progress) {
        if (progress.overallTotal() <= 0) {
            return "[" + " ".repeat(WIDTH) + "]";
        }
        int filled = (int) Math.min(WIDTH, progress.overallBytes() * WIDTH / progress.overallTotal());
        return "[" + "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "") + "]";
    }
}
