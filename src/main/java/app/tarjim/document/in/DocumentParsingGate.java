package app.tarjim.document.in;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many documents are parsed at once. Every limit in {@link DocumentLimits} bounds one parse; only
 * this bounds their sum, so that parallel uploads cannot fill the heap together (four 1.8 MB .docx files
 * once did, and the resulting OutOfMemoryErrors killed Tomcat's threads). A caller that cannot get a permit
 * within the wait is told the server is busy rather than queued without end.
 */
public final class DocumentParsingGate {

    /** Roughly what the worst document within the default limits needs while POI or PDFBox holds it. */
    static final long HEAP_PER_PARSE = 512L * 1024 * 1024;

    // One per JVM, because the heap it protects is one per JVM: the UI and the batch upload construct their
    // extractors themselves, and both must count against the same permits.
    private static final DocumentParsingGate SHARED = new DocumentParsingGate(
            defaultPermits(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
            Duration.ofSeconds(15));

    private final Semaphore permits;
    private final Duration maxWait;

    public DocumentParsingGate(int permits, Duration maxWait) {
        if (permits <= 0 || maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("a gate needs at least one permit and a non-negative wait");
        }
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    public static DocumentParsingGate shared() {
        return SHARED;
    }

    /** Half the cores (parsing is CPU-bound), fewer when the heap could not hold that many worst cases. */
    static int defaultPermits(int cores, long maxHeapBytes) {
        int byHeap = (int) Math.min(Integer.MAX_VALUE, maxHeapBytes / (2 * HEAP_PER_PARSE));
        return Math.max(1, Math.min(cores / 2, byHeap));
    }

    int availablePermits() {
        return permits.availablePermits();
    }

    /** Runs the parse under a permit, or refuses with a plain sentence when none frees up in time. */
    <T> T parse(String fileName, Parse<T> parse) throws DocumentImportException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentImportException(fileName, "Opening " + fileName + " was cancelled.", e);
        }
        if (!acquired) {
            throw new DocumentImportException(fileName, "The server is busy opening other documents; try "
                    + fileName + " again in a minute.");
        }
        try {
            return parse.run();
        } finally {
            permits.release();
        }
    }

    @FunctionalInterface
    interface Parse<T> {
        T run() throws DocumentImportException;
    }
}
