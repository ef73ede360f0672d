package app.tarjim.batch;

import org.springframework.stereotype.Component;

import java.time.Duration;

/** Wakes idle workers in this JVM when work arrives, so they need not wait for their next poll. */
@Component
class WorkSignal {

    private final Object monitor = new Object();
    private long generation;

    void wake() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    /** Waits until {@link #wake()} or the timeout, whichever comes first. */
    void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            long seen = generation;
            while (generation == seen) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    return;
                }
                monitor.wait(leftMillis);
            }
        }
    }
}
