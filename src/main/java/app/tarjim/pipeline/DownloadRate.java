package app.tarjim.pipeline;

import java.util.function.LongSupplier;

/**
 * Download speed since the first byte this run saw: bytes resumed from an earlier run are not counted as
 * fetched at once, which would promise far too short a wait.
 */
final class DownloadRate {

    private final LongSupplier nanoClock;
    private long startNanos = -1;
    private long startBytes;

    DownloadRate(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Bytes per second so far, given the bytes on disk now; 0 until there is something to measure. */
    synchronized double bytesPerSecond(long bytesOnDisk) {
        long now = nanoClock.getAsLong();
        if (startNanos < 0 || bytesOnDisk < startBytes) {
            startNanos = now;
            startBytes = bytesOnDisk;
            return 0;
        }
        double seconds = (now - startNanos) / 1e9;
        return seconds < 0.5 ? 0 : (bytesOnDisk - startBytes) / seconds;
    }
}
