package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One queue in front of a loaded model that merges the inputs of concurrent callers (articles, API calls, batch
 * items) into shared batches. A batch of 16 sentences costs little more per decoding step than one, so callers
 * that wait together finish sooner than callers taking turns.
 *
 * <p>Rules: only inputs with the same generation settings share a batch; a batch holds at most
 * {@code maxInputs} inputs and {@code maxTokens} input tokens; it is filled round-robin over the waiting callers in
 * arrival order, one input each per turn, so a caller with many inputs never holds back one with a single input
 * (a batch job's chunk and a one-sentence API call both get places in the next batch). An idle batcher waits at
 * most {@code linger} for companions before it starts, so a burst of arrivals is one batch, not a single input
 * followed by the rest. A caller that is cancelled stops waiting at once; its inputs not yet started are dropped,
 * and a running batch stops early only when every caller in it is cancelled. When a batch of several callers
 * fails, each caller's inputs are run again on their own, so one bad input fails only its own caller.
 */
public final class SharedBatcher implements TextGenerator {

    /** How often a waiting caller looks at its cancel flag. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TextGenerator model;
    private final int maxInputs;
    private final int maxTokens;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** Callers with inputs not yet started, in arrival order. Guarded by {@link #lock}. */
    private final List<Call> waiting = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param parallel batches run at once (each uses the model's intra-op threads; 1 suits a small machine)
     */
    public SharedBatcher(TextGenerator model, int maxInputs, int maxTokens, long lingerMillis, int parallel) {
        if (maxInputs < 1 || maxTokens < 1 || lingerMillis < 0 || parallel < 1) {
            throw new IllegalArgumentException("maxInputs, maxTokens and parallel must be at least 1, linger at least 0");
        }
        this.model = model;
        this.maxInputs = maxInputs;
        this.maxTokens = maxTokens;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        for (int i = 0; i < parallel; i++) {
            Thread worker = new Thread(this::work, "batcher-" + model.info().name() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides,
                                                  BooleanSupplier cancelled) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        if (cancelled.getAsBoolean()) {
            throw new GenerationCancelledException();
        }
        List<Input> items = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            // Counted here, on the caller's thread, so the batch loop does not tokenize.
            items.add(new Input(i, inputs.get(i), model.countTokens(inputs.get(i))));
        }
        Call call = new Call(items, overrides == null ? GenerationConfig.EMPTY : overrides, cancelled);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The model " + model.info().name() + " was closed");
            }
            waiting.add(call);
            arrived.signal();
        } finally {
            lock.unlock();
        }
        return call.await();
    }

    private void work() {
        while (true) {
            Batch batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            run(batch);
        }
    }

    /** Blocks until there is work, lingers briefly for companions, then takes one batch; null once closed. */
    private Batch nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                dropCancelled();
                if (closed) {
                    return null;
                }
                if (waiting.isEmpty()) {
                    arrived.await();
                    continue;
                }
                if (lingerNanos > 0 && pendingInputs() < maxInputs) {
                    long deadline = System.nanoTime() + lingerNanos;
                    long left;
                    while (!closed && pendingInputs() < maxInputs && (left = deadline - System.nanoTime()) > 0) {
                        arrived.awaitNanos(left);
                    }
                    dropCancelled();
                    if (waiting.isEmpty()) {
                        continue;
                    }
                }
                return takeBatch();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Round-robin over the waiting callers with the oldest caller's settings, within both bounds. */
    private Batch takeBatch() {
        GenerationConfig settings = waiting.get(0).settings;
        List<Call> compatible = waiting.stream().filter(c -> c.settings.equals(settings)).toList();
        Batch batch = new Batch(settings);
        int tokens = 0;
        boolean took = true;
        while (took && batch.size() < maxInputs) {
            took = false;
            for (Call call : compatible) {
                Input next = call.peek();
                if (next == null || batch.size() >= maxInputs) {
                    continue;
                }
                // A lone input over the token bound still runs, alone; otherwise the bound is kept.
                if (batch.size() > 0 && tokens + next.tokens() > maxTokens) {
                    continue;
                }
                batch.add(call, call.take());
                tokens += next.tokens();
                took = true;
            }
        }
        waiting.removeIf(Call::allTaken);
        return batch;
    }

    /** Inputs waiting for a place in a batch (not those running). */
    public int queuedInputs() {
        lock.lock();
        try {
            return pendingInputs();
        } finally {
            lock.unlock();
        }
    }

    private int pendingInputs() {
        return waiting.stream().mapToInt(Call::remaining).sum();
    }

    private void dropCancelled() {
        for (Iterator<Call> it = waiting.iterator(); it.hasNext(); ) {
            Call call = it.next();
            if (call.isCancelled()) {
                it.remove();
                call.fail(new GenerationCancelledException());
            }
        }
    }

    private void run(Batch batch) {
        try {
            List<List<GeneratedSequence>> outputs = model.generate(batch.texts(), batch.settings, batch::allCancelled);
            batch.deliver(outputs);
        } catch (GenerationCancelledException e) {
            batch.fail(e);
        } catch (RuntimeException | Error e) {
            if (batch.callers().size() == 1) {
                batch.fail(e);
            } else {
                // Find the caller whose input broke the batch; the others still get their results.
                for (Batch alone : batch.perCaller()) {
                    run(alone);
                }
            }
        }
    }

    @Override
    public ModelInfo info() {
        return model.info();
    }

    @Override
    public GenerationConfig defaults() {
        return model.defaults();
    }

    @Override
    public int countTokens(String text) {
        return model.countTokens(text);
    }

    @Override
    public int maxInputTokens() {
        return model.maxInputTokens();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Call call : waiting) {
                call.fail(new IllegalStateException("The model " + model.info().name() + " was closed"));
            }
            waiting.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        model.close();
    }

    private record Input(int position, String text, int tokens) {
    }

    /** One caller's generate call: its inputs, results as they come, and the thread waiting on them. */
    private static final class Call {
        private final List<Input> inputs;
        private final GenerationConfig settings;
        private final BooleanSupplier cancelled;
        private final List<List<GeneratedSequence>> results;
        private int nextToTake;
        private int delivered;
        private Throwable failure;
        private volatile boolean abandoned;

        Call(List<Input> inputs, GenerationConfig settings, BooleanSupplier cancelled) {
            this.inputs = inputs;
            this.settings = settings;
            this.cancelled = cancelled;
            this.results = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                results.add(null);
            }
        }

        Input peek() {
            return nextToTake < inputs.size() ? inputs.get(nextToTake) : null;
        }

        Input take() {
            return inputs.get(nextToTake++);
        }

        int remaining() {
            return inputs.size() - nextToTake;
        }

        boolean allTaken() {
            return nextToTake >= inputs.size();
        }

        boolean isCancelled() {
            return abandoned || cancelled.getAsBoolean();
        }

        synchronized void deliver(Input input, List<GeneratedSequence> output) {
            results.set(input.position(), output);
            delivered++;
            if (delivered == inputs.size()) {
                notifyAll();
            }
        }

        synchronized void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            notifyAll();
        }

        /** Waits for every result, the first failure, or the caller's cancel flag, whichever comes first. */
        List<List<GeneratedSequence>> await() {
            synchronized (this) {
                while (delivered < inputs.size() && failure == null) {
                    if (cancelled.getAsBoolean()) {
                        abandoned = true;
                        throw new GenerationCancelledException();
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, POLL_NANOS);
                    } catch (InterruptedException e) {
                        abandoned = true;
                        Thread.currentThread().interrupt();
                        throw new GenerationCancelledException();
                    }
                }
                if (failure != null) {
                    abandoned = true;
                    if (failure instanceof GenerationCancelledException) {
                        throw new GenerationCancelledException();
                    }
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(failure);
                }
                return List.copyOf(results);
            }
        }
    }

    /** Inputs of several callers run as one generate call; outputs go back to each caller in its own order. */
    private static final class Batch {
        private final GenerationConfig settings;
        private final List<Call> owners = new ArrayList<>();
        private final List<Input> inputs = new ArrayList<>();

        Batch(GenerationConfig settings) {
            this.settings = settings;
        }

        void add(Call owner, Input input) {
            owners.add(owner);
            inputs.add(input);
        }

        int size() {
            return inputs.size();
        }

        List<String> texts() {
            return inputs.stream().map(Input::text).toList();
        }

        List<Call> callers() {
            return owners.stream().distinct().toList();
        }

        boolean allCancelled() {
            return owners.stream().allMatch(Call::isCancelled);
        }

        void deliver(List<List<GeneratedSequence>> outputs) {
            for (int i = 0; i < inputs.size(); i++) {
                owners.get(i).deliver(inputs.get(i), outputs.get(i));
            }
        }

        void fail(Throwable e) {
            callers().forEach(call -> call.fail(e));
        }

        List<Batch> perCaller() {
            Map<Call, Batch> split = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                split.computeIfAbsent(owners.get(i), c -> new Batch(settings)).add(owners.get(i), inputs.get(i));
            }
            return List.copyOf(split.values());
        }
    }
}
