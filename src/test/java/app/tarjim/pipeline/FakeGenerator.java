package app.tarjim.pipeline;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelInfo;
import app.tarjim.engine.ModelVariant;
import app.tarjim.engine.TextGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A deterministic stand-in for a model: "generates" with a function of the input, scores with another,
 * counts one token per word plus one, and records every call.
 */
public final class FakeGenerator implements TextGenerator {

    public record Call(List<String> inputs, GenerationConfig overrides) {
    }

    private final Function<String, String> output;
    private final ToDoubleFunction<String> logProbMean;
    private final int maxInputTokens;
    private final List<Call> calls = new ArrayList<>();
    private boolean closed;

    public FakeGenerator(Function<String, String> output, ToDoubleFunction<String> logProbMean, int maxInputTokens) {
        this.output = output;
        this.logProbMean = logProbMean;
        this.maxInputTokens = maxInputTokens;
    }

    /** Prefixes "EN:" to the input, with confidence exp(-0.1). */
    public static FakeGenerator echo(int maxInputTokens) {
        return new FakeGenerator(input -> "EN:" + input, input -> -0.1, maxInputTokens);
    }

    public List<Call> calls() {
        return calls;
    }

    public List<String> allInputs() {
        return calls.stream().flatMap(call -> call.inputs().stream()).toList();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("fake", Path.of("fake"), "marian", ModelVariant.QUANTIZED);
    }

    @Override
    public GenerationConfig defaults() {
        return GenerationConfig.builder().numBeams(4).build();
    }

    @Override
    public int countTokens(String text) {
        String stripped = text.strip();
        return (stripped.isEmpty() ? 0 : stripped.split("\\s+").length) + 1;
    }

    @Override
    public int maxInputTokens() {
        return maxInputTokens;
    }

    @Override
    public List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides, BooleanSupplier cancelled) {
        calls.add(new Call(List.copyOf(inputs), overrides));
        List<List<GeneratedSequence>> results = new ArrayList<>();
        for (String input : inputs) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            if (countTokens(input) > maxInputTokens) {
                throw new IllegalArgumentException("input over the limit: " + input);
            }
            double mean = logProbMean.applyAsDouble(input);
            results.add(List.of(new GeneratedSequence(new long[0], new long[0], output.apply(input), mean * 5, mean)));
        }
        return results;
    }

    @Override
    public void close() {
        closed = true;
    }
}
