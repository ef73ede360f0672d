package app.tarjim.engine;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent per-row (or per-input) work on the common fork-join pool when there is enough of it. The
 * Java part of a step runs while ONNX Runtime's threads are idle, so spreading it over the cores shortens
 * every step; small steps stay on the calling thread.
 */
final class RowParallel {

    /** Below this many score entries a step is cheaper on one thread. */
    private static final long MIN_PARALLEL_WORK = 1L << 17;

    private RowParallel() {
    }

    static void forEach(int count, long workPerItem, IntConsumer task) {
        if (count > 1 && count * workPerItem >= MIN_PARALLEL_WORK) {
            IntStream.range(0, count).parallel().forEach(task);
        } else {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        }
    }
}
