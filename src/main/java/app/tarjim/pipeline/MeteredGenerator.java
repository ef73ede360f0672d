package app.tarjim.pipeline;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelInfo;
import app.tarjim.engine.TextGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Counts what a model does for the metrics endpoint: generate calls and their latency, inputs, and
 * tokens generated, tagged with the model's folder name.
 */
final class MeteredGenerator implements TextGenerator {

    private final TextGenerator delegate;
    private final Timer latency;
    private final Counter inputs;
    private final Counter tokens;

    MeteredGenerator(TextGenerator delegate, MeterRegistry registry) {
        this.delegate = delegate;
        String model = delegate.info().name();
        this.latency = Timer.builder("tarjim.model.latency")
                .description("Time per generate call (one batch of inputs)")
                .tag("model", model)
                .publishPercentileHistogram(false)
                .register(registry);
        this.inputs = Counter.builder("tarjim.model.inputs").description("Inputs given to the model")
                .tag("model", model).register(registry);
        this.tokens = Counter.builder("tarjim.tokens.generated").description("Tokens generated")
                .tag("model", model).register(registry);
    }

    @Override
    public List<List<GeneratedSequence>> generate(List<String> texts, GenerationConfig overrides, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        List<List<GeneratedSequence>> result = delegate.generate(texts, overrides, cancelled);
        latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        inputs.increment(texts.size());
        long generated = result.stream().flatMap(List::stream)
                .mapToLong(s -> Math.max(0, s.outputIds().length - 1)) // the decoder start token is not generated
                .sum();
        tokens.increment(generated);
        return result;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public GenerationConfig defaults() {
        return delegate.defaults();
    }

    @Override
    public int countTokens(String text) {
        return delegate.countTokens(text);
    }

    @Override
    public int maxInputTokens() {
        return delegate.maxInputTokens();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
