package app.tarjim.batch;

/**
 * How far a job has got, counted from its items.
 *
 * @param etaSeconds estimated seconds until every remaining item is finished, from the rate observed so far;
 *                   null until an item has finished, and when nothing remains
 */
public record BatchProgress(int total, int pending, int running, int done, int failed, int cancelled,
                            Long etaSeconds) {

    public int finished() {
        return done + failed;
    }

    public int remaining() {
        return pending + running;
    }

    /** Share of items finished or cancelled, 0..1. */
    public double fraction() {
        return total == 0 ? 1 : (double) (finished() + cancelled) / total;
    }
}
