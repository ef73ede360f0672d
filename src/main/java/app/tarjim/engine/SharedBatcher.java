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
 *
 * <p>No threads of its own: a waiting caller that finds the model free runs the next batch itself (with whatever
 * others queued) while the others wait for their results or for the model to be free. A lone caller therefore runs
 * on its own thread as it would without the batcher, with no hand-over between threads.
 */
public final class SharedBatcher implements TextGenerator {

    /** How often a waiting caller looks at its cancel flag. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TextGenerator model;
    private final int maxInputs;
    private final int maxTokens;
    private final long lingerNanos;
    private final int parallel;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when inputs arrive, a batch ends (results delivered, the model free again) or the batcher closes. */
    private final Condition changed = lock.newCondition();
    /** Callers with inputs not yet started, in arrival order. Guarded by {@link #lock}. */
    private final List<Call> waiting = new ArrayList<>();
    /** Batches running now. Guarded by {@link #lock}. */
    private int running;
    private boolean closed;

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
        this.parallel = parallel;
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
            // Counted before taking the lock, so that forming a batch does not tokenize.
            items.add(new Input(i, inputs.get(i), model.countTokens(inputs.get(i))));
        }
        Call call = new Call(items, overrides == null ? GenerationConfig.EMPTY : overrides, cancelled);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The model " + model.info().name() + " was closed");
            }
            waiting.add(call);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        while (true) {
            Batch batch;
            lock.lock();
            try {
                if (call.finished()) {
                    return call.outcome();
                }
                if (cancelled.getAsBoolean() || closed) {
                    call.abandon();
                    waiting.remove(call);
                    if (closed) {
                        throw new IllegalStateException("The model " + model.info().name() + " was closed");
                    }
                    throw new GenerationCancelledException();
                }
                if (running >= parallel || waiting.isEmpty()) {
                    awaitChange(POLL_NANOS);
                    continue;
                }
                running++; // taken before lingering, which lets go of the lock, so no second caller starts too
                batch = nextBatch();
                if (batch == null) {
                    running--;
                    changed.signalAll();
                    continue;
                }
            } finally {
                lock.unlock();
            }
            try {
                run(batch);
            } finally {
                lock.lock();
                try {
                    running--;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** With the lock held: lingers briefly for companions when the queue is short, then takes one batch. */
    private Batch nextBatch() {
        dropCancelled();
        if (waiting.isEmpty()) {
            return null;
        }
        if (lingerNanos > 0 && pendingInputs() < maxInputs) {
            long deadline = System.nanoTime() + lingerNanos;
            long left;
            while (!closed && pendingInputs() < maxInputs && (left = deadline - System.nanoTime()) > 0) {
                awaitChange(left);
            }
            dropCancelled();
            if (waiting.isEmpty() || closed) {
                return null;
            }
        }
        return takeBatch();
    }

    private void awaitChange(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException();
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

    /** Runs one batch without the lock, then hands each caller its outputs (or the failure) with it. */
    private void run(Batch batch) {
        List<List<GeneratedSequence>> outputs;
        try {
            outputs = model.generate(batch.texts(), batch.settings, batch::allCancelled);
        } catch (GenerationCancelledException e) {
            settle(() -> batch.fail(e));
            return;
        } catch (RuntimeException | Error e) {
            if (batch.callers().size() == 1) {
                settle(() -> batch.fail(e));
            } else {
                // Find the caller whose input broke the batch; the others still get their results.
                for (Batch alone : batch.perCaller()) {
                    run(alone);
                }
            }
            return;
        }
        settle(() -> batch.deliver(outputs));
    }

    private void settle(Runnable update) {
        lock.lock();
        try {
            update.run();
            changed.signalAll();
        } finally {
            lock.unlock();
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

    /** Refuses new work, lets the batches running now end (30 s at most), then closes the model. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Call call : waiting) {
                call.fail(new IllegalStateException("The model " + model.info().name() + " was closed"));
            }
            waiting.clear();
            changed.signalAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long left;
            while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        model.close();
    }

    private record Input(int position, String text, int tokens) {
    }

    /** One caller's generate call: its inputs and results as they come. Guarded by the batcher's lock. */
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

        void abandon() {
            abandoned = true;
        }

        /** Also read without the lock by whoever runs a batch holding this call's inputs. */
        boolean isCancelled() {
            return abandoned || cancelled.getAsBoolean();
        }

        void deliver(Input input, List<GeneratedSequence> output) {
            results.set(input.position(), output);
            delivered++;
        }

        void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        boolean finished() {
            return failure != null || delivered == inputs.size();
        }

        /** The results in input order, or the failure thrown. */
        List<List<GeneratedSequence>> outcome() {
            if (failure instanceof GenerationCancelledException) {
                throw new GenerationCancelledException();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return List.copyOf(results);
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
