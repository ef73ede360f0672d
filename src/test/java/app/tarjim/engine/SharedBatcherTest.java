package app.tarjim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedBatcherTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void concurrentCallersShareOneBatchAndEachGetsItsOwnOutputsInOrder() throws Exception {
        RecordingModel model = new RecordingModel();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 0, 1)) {
            CompletableFuture<List<List<GeneratedSequence>>> first = call(batcher, List.of("x"));
            model.awaitBatches(1);
            // While the model is busy with "x", three callers arrive; they must go together into the next batch.
            CompletableFuture<List<List<GeneratedSequence>>> a = call(batcher, List.of("a1", "a2"));
            CompletableFuture<List<List<GeneratedSequence>>> b = call(batcher, List.of("b1"));
            CompletableFuture<List<List<GeneratedSequence>>> c = call(batcher, List.of("c1", "c2", "c3"));
            waitUntil(() -> model.callsStarted() == 1 && queued(batcher) == 6);
            model.release();

            assertThat(texts(first.get(10, TimeUnit.SECONDS))).containsExactly("X");
            assertThat(texts(a.get(10, TimeUnit.SECONDS))).containsExactly("A1", "A2");
            assertThat(texts(b.get(10, TimeUnit.SECONDS))).containsExactly("B1");
            assertThat(texts(c.get(10, TimeUnit.SECONDS))).containsExactly("C1", "C2", "C3");
            assertThat(model.batches()).hasSize(2);
            assertThat(model.batches().get(1)).containsExactlyInAnyOrder("a1", "a2", "b1", "c1", "c2", "c3");
        }
    }

    @Test
    void aCallerWithManyInputsDoesNotHoldBackOneWithASingleInput() throws Exception {
        RecordingModel model = new RecordingModel();
        try (SharedBatcher batcher = new SharedBatcher(model, 4, 10_000, 0, 1)) {
            CompletableFuture<?> blocker = call(batcher, List.of("x"));
            model.awaitBatches(1);
            List<String> many = IntStream.range(0, 12).mapToObj(i -> "long" + i).toList();
            CompletableFuture<List<List<GeneratedSequence>>> big = call(batcher, many);
            waitUntil(() -> queued(batcher) == 12);
            CompletableFuture<List<List<GeneratedSequence>>> small = call(batcher, List.of("short"));
            waitUntil(() -> queued(batcher) == 13);
            model.release();

            assertThat(texts(small.get(10, TimeUnit.SECONDS))).containsExactly("SHORT");
            blocker.get(10, TimeUnit.SECONDS);
            big.get(10, TimeUnit.SECONDS);
            // Round-robin from the oldest caller: the single input is in the first batch after the blocker.
            assertThat(model.batches().get(1)).hasSize(4).contains("short");
            assertThat(model.batches()).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(4));
        }
    }

    @Test
    void callersWithDifferentSettingsNeverShareABatch() throws Exception {
        RecordingModel model = new RecordingModel();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 0, 1)) {
            CompletableFuture<?> blocker = call(batcher, List.of("x"));
            model.awaitBatches(1);
            GenerationConfig beams = GenerationConfig.builder().numBeams(4).build();
            CompletableFuture<?> greedy = call(batcher, List.of("g1", "g2"));
            CompletableFuture<?> beam = CompletableFuture.supplyAsync(
                    () -> batcher.generate(List.of("b1"), beams, () -> false), callers);
            waitUntil(() -> queued(batcher) == 3);
            model.release();
            blocker.get(10, TimeUnit.SECONDS);
            greedy.get(10, TimeUnit.SECONDS);
            beam.get(10, TimeUnit.SECONDS);
            assertThat(model.batches().subList(1, 3)).containsExactlyInAnyOrder(List.of("g1", "g2"), List.of("b1"));
        }
    }

    @Test
    void theTokenBoundSplitsBatches() throws Exception {
        RecordingModel model = new RecordingModel();
        // Each fake input counts as many tokens as it has characters.
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10, 0, 1)) {
            CompletableFuture<?> blocker = call(batcher, List.of("x"));
            model.awaitBatches(1);
            CompletableFuture<?> a = call(batcher, List.of("aaaaaa", "bbbbbb", "cccccc"));
            waitUntil(() -> queued(batcher) == 3);
            model.release();
            blocker.get(10, TimeUnit.SECONDS);
            a.get(10, TimeUnit.SECONDS);
            assertThat(model.batches().subList(1, model.batches().size()))
                    .containsExactly(List.of("aaaaaa"), List.of("bbbbbb"), List.of("cccccc"));
        }
    }

    @Test
    void aCancelledCallerStopsWaitingAtOnceAndItsInputsNeverReachTheModel() throws Exception {
        RecordingModel model = new RecordingModel();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 0, 1)) {
            CompletableFuture<?> blocker = call(batcher, List.of("x"));
            model.awaitBatches(1);
            AtomicBoolean cancelled = new AtomicBoolean();
            CompletableFuture<?> doomed = CompletableFuture.supplyAsync(
                    () -> batcher.generate(List.of("gone"), null, cancelled::get), callers);
            CompletableFuture<List<List<GeneratedSequence>>> kept = call(batcher, List.of("kept"));
            waitUntil(() -> queued(batcher) == 2);
            cancelled.set(true);
            // The model is still busy with "x": the cancelled caller must not wait for it.
            assertThatThrownBy(() -> doomed.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(GenerationCancelledException.class);
            model.release();
            blocker.get(10, TimeUnit.SECONDS);
            assertThat(texts(kept.get(10, TimeUnit.SECONDS))).containsExactly("KEPT");
            assertThat(model.batches()).noneMatch(batch -> batch.contains("gone"));
        }
    }

    @Test
    void oneBadInputFailsOnlyItsOwnCaller() throws Exception {
        RecordingModel model = new RecordingModel();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 0, 1)) {
            CompletableFuture<?> blocker = call(batcher, List.of("x"));
            model.awaitBatches(1);
            CompletableFuture<?> bad = call(batcher, List.of("fine", "bad"));
            CompletableFuture<List<List<GeneratedSequence>>> good = call(batcher, List.of("good"));
            waitUntil(() -> queued(batcher) == 3);
            model.release();
            blocker.get(10, TimeUnit.SECONDS);
            assertThat(texts(good.get(10, TimeUnit.SECONDS))).containsExactly("GOOD");
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad");
        }
    }

    @Test
    void anIdleBatcherLingersSoABurstOfArrivalsIsOneBatch() throws Exception {
        RecordingModel model = new RecordingModel();
        model.release();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 300, 1)) {
            List<CompletableFuture<List<List<GeneratedSequence>>>> burst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(call(batcher, List.of("s" + i)));
            }
            for (CompletableFuture<?> f : burst) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(model.batches()).hasSize(1);
            assertThat(model.batches().get(0)).hasSize(5);
        }
    }

    @Test
    void aLoneCallerRunsItsBatchOnItsOwnThread() {
        RecordingModel model = new RecordingModel();
        model.release();
        try (SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 2, 1)) {
            assertThat(texts(batcher.generate(List.of("a", "b"), null, () -> false))).containsExactly("A", "B");
            assertThat(model.threads()).containsExactly(Thread.currentThread());
        }
    }

    /** On the real tiny model: what concurrent callers get through the batcher is what each gets alone. */
    @Test
    void sharedBatchesGiveTheSameTokensAsSeparateCalls() throws Exception {
        Path dir = TestModels.marianTiny();
        List<String> sentences = List.of("مرحبا بكم", "قال الوزير إن الحكومة ستعقد اجتماعا",
                "حلب", "ذهب الولد إلى المدرسة صباحا", "الطقس جميل اليوم في المدينة", "شكرا");
        try (Seq2SeqModel model = Seq2SeqModel.load(dir, ModelOptions.builder().build())) {
            List<List<GeneratedSequence>> alone = new ArrayList<>();
            for (String s : sentences) {
                alone.add(model.generate(List.of(s), null).get(0));
            }
            SharedBatcher batcher = new SharedBatcher(model, 16, 10_000, 50, 1);
            List<CompletableFuture<List<List<GeneratedSequence>>>> together = sentences.stream()
                    .map(s -> call(batcher, List.of(s))).toList();
            for (int i = 0; i < sentences.size(); i++) {
                GeneratedSequence mine = together.get(i).get(60, TimeUnit.SECONDS).get(0).get(0);
                assertThat(mine.outputIds()).as(sentences.get(i)).containsExactly(alone.get(i).get(0).outputIds());
            }
        }
    }

    private CompletableFuture<List<List<GeneratedSequence>>> call(SharedBatcher batcher, List<String> inputs) {
        return CompletableFuture.supplyAsync(() -> batcher.generate(inputs, null, () -> false), callers);
    }

    private static int queued(SharedBatcher batcher) {
        return batcher.queuedInputs();
    }

    private static List<String> texts(List<List<GeneratedSequence>> outputs) {
        return outputs.stream().map(o -> o.get(0).text()).toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Upper-cases its inputs; the first batch blocks until released, so a test can queue callers behind it.
     * Fails a batch that holds "bad".
     */
    private static final class RecordingModel implements TextGenerator {
        private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

        List<Thread> threads() {
            return List.copyOf(threads);
        }
        private final CountDownLatch released = new CountDownLatch(1);

        void release() {
            released.countDown();
        }

        int callsStarted() {
            return batches.size();
        }

        List<List<String>> batches() {
            return List.copyOf(batches);
        }

        void awaitBatches(int n) throws InterruptedException {
            waitUntil(() -> batches.size() >= n);
        }

        @Override
        public List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides,
                                                      BooleanSupplier cancelled) {
            threads.add(Thread.currentThread());
            batches.add(List.copyOf(inputs));
            try {
                released.await();
            } catch (InterruptedException e) {
                throw new GenerationCancelledException();
            }
            if (inputs.contains("bad")) {
                throw new IllegalArgumentException("cannot translate bad");
            }
            return inputs.stream().map(s -> List.of(new GeneratedSequence(new long[0], new long[0],
                    s.toUpperCase(), 0, 0))).toList();
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", Path.of("fake"), "marian", ModelVariant.FP32);
        }

        @Override
        public GenerationConfig defaults() {
            return GenerationConfig.EMPTY;
        }

        @Override
        public int countTokens(String text) {
            return text.length();
        }

        @Override
        public int maxInputTokens() {
            return 512;
        }

        @Override
        public void close() {
        }
    }
}
