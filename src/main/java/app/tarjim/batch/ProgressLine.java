package app.tarjim.batch;

/** One line of batch progress for terminals and logs: a bar, the counts and the estimated time left. */
public final class ProgressLine {

    private static final int BAR_WIDTH = 24;

    private ProgressLine() {
    }

    /** e.g. {@code [##########--------------]  17/40 done, 1 failed, ETA 1:05}. */
    public static String of(BatchProgress progress) {
        int filled = (int) Math.round(progress.fraction() * BAR_WIDTH);
        String width = Integer.toString(Integer.toString(progress.total()).length());
        StringBuilder line = new StringBuilder()
                .append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                .append(String.format("%" + width + "d/%d done", progress.done(), progress.total()));
        if (progress.failed() > 0) {
            line.append(", ").append(progress.failed()).append(" failed");
        }
        if (progress.cancelled() > 0) {
            line.append(", ").append(progress.cancelled()).append(" cancelled");
        }
        if (progress.etaSeconds() != null) {
            line.append(", ETA ").append(duration(progress.etaSeconds()));
        }
        return line.toString();
    }

    /** {@code 0:07}, {@code 12:30}, {@code 2:05:00}. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
