package app.tarjim.engine;

import java.util.concurrent.atomic.LongAdder;

/** Where a model's generation time goes, summed over all calls and threads; read as {@link EngineStats}. */
final class EngineCounters {

    final LongAdder onnxNanos = new LongAdder();
    final LongAdder onnxCalls = new LongAdder();
    final LongAdder copyNanos = new LongAdder();
    final LongAdder copyCalls = new LongAdder();
    final LongAdder gatherNanos = new LongAdder();
    final LongAdder gatherCalls = new LongAdder();
    final LongAdder headNanos = new LongAdder();
    final LongAdder headCalls = new LongAdder();

    EngineStats snapshot() {
        return new EngineStats(onnxNanos.sum(), onnxCalls.sum(), copyNanos.sum(), gatherNanos.sum(), headNanos.sum());
    }

    void reset() {
        onnxNanos.reset();
        onnxCalls.reset();
        copyNanos.reset();
        copyCalls.reset();
        gatherNanos.reset();
        gatherCalls.reset();
        headNanos.reset();
        headCalls.reset();
    }
}
