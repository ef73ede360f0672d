package app.tarjim.engine;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One ONNX graph loaded through DJL's OnnxRuntime engine, with its declared inputs. */
final class OnnxSession implements AutoCloseable {

    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final OrtSession.SessionOptions sessionOptions;
    private final Map<String, Shape> inputs;
    private final LongAdder nanos;
    private final LongAdder calls;

    private OnnxSession(Path file, ZooModel<NDList, NDList> model, OrtSession.SessionOptions sessionOptions,
                        LongAdder nanos, LongAdder calls) {
        this.file = file;
        this.model = model;
        this.sessionOptions = sessionOptions;
        this.nanos = nanos;
        this.calls = calls;
        Map<String, Shape> declared = new LinkedHashMap<>();
        PairList<String, Shape> described = model.getBlock().describeInput();
        for (int i = 0; i < described.size(); i++) {
            declared.put(described.keyAt(i), described.valueAt(i));
        }
        this.inputs = java.util.Collections.unmodifiableMap(declared);
    }

    /**
     * Loads through DJL's OnnxRuntime engine ({@code Model} + {@code ZooModel}, as Criteria would) but with a
     * SessionOptions object of our own: Criteria passes string options only, and ONNX Runtime's config entries
     * (thread spinning) need the object, which DJL's OrtModel takes under "sessionOptions".
     *
     * @param configEntries ONNX Runtime session config entries on top of {@link #sessionOptions}'s
     * @param nanos, calls where the time and number of runs of this graph are added up
     */
    static OnnxSession open(Path file, ModelOptions options, Map<String, String> configEntries, LongAdder nanos,
                            LongAdder calls) {
        ZooModel<NDList, NDList> model = null;
        OrtSession.SessionOptions sessionOptions = null;
        try {
            sessionOptions = sessionOptions(options);
            for (Map.Entry<String, String> e : configEntries.entrySet()) {
                sessionOptions.addConfigEntry(e.getKey(), e.getValue());
            }
            Model loaded = Model.newInstance(file.getFileName().toString(), "OnnxRuntime");
            model = new ZooModel<>(loaded, new NoopTranslator());
            Map<String, Object> loadOptions = new HashMap<>();
            loadOptions.put("sessionOptions", sessionOptions);
            loaded.load(file, null, loadOptions);
            return new OnnxSession(file, model, sessionOptions, nanos, calls);
        } catch (MalformedModelException | IOException | OrtException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            if (sessionOptions != null) {
                sessionOptions.close();
            }
            throw new ModelLoadException("ONNX file " + file + " cannot be loaded by ONNX Runtime: "
                    + rootMessage(e), e);
        }
    }

    /** A helper graph of the engine's own (step head, gather): no quantized weights, no extra entries. */
    static OnnxSession open(Path file, ModelOptions options, LongAdder nanos, LongAdder calls) {
        return open(file, options, Map.of(), nanos, calls);
    }

    /**
     * Config entries for the model's encoder and decoder files. For the int8 variant with
     * {@link ModelOptions#foldDequantize()}: {@code session.disable_quant_qdq=1}, under which ONNX Runtime's
     * constant folding also folds {@code DequantizeLinear} of constant weights (by default it leaves them for its
     * QDQ fusions, which need Q/DQ pairs around an operator; dynamic-int8 exports have none: their MatMuls are
     * MatMulInteger). So the tied output projection's int8 embedding is dequantized once at load, not per step.
     */
    static Map<String, String> modelGraphEntries(ModelOptions options) {
        return options.variant() == ModelVariant.QUANTIZED && options.foldDequantize()
                ? Map.of("session.disable_quant_qdq", "1") : Map.of();
    }

    /**
     * Threads as configured, and worker threads that sleep between runs instead of spinning: a generation step
     * alternates runs of several sessions (decoder, step head, gather) with Java work, and each session's idle
     * workers would spin on the cores the others need (measured: batch-16 steps 1.6x slower with spinning).
     */
    private static OrtSession.SessionOptions sessionOptions(ModelOptions options) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(options.interOpThreads());
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (!options.spinWait()) {
                so.addConfigEntry("session.intra_op.allow_spinning", "0");
                so.addConfigEntry("session.inter_op.allow_spinning", "0");
            }
            return so;
        } catch (OrtException | RuntimeException e) {
            so.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** Declared input names (in graph order) and shapes; dynamic dimensions are -1, unknown shapes null. */
    Map<String, Shape> inputs() {
        return inputs;
    }

    /** A runner for one generate call (DJL predictors are not thread-safe; sessions are). */
    Runner newRunner() {
        return new Runner(model.newPredictor());
    }

    @Override
    public void close() {
        model.close();
        sessionOptions.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    final class Runner implements AutoCloseable {
        private final Predictor<NDList, NDList> predictor;

        private Runner(Predictor<NDList, NDList> predictor) {
            this.predictor = predictor;
        }

        /** Runs the graph on named inputs; outputs come back named, attached to the first input's manager. */
        NDList run(NDList namedInputs) {
            long start = System.nanoTime();
            try {
                return predictor.predict(namedInputs);
            } catch (TranslateException | RuntimeException e) {
                throw new IllegalStateException("ONNX Runtime failed on " + file.getFileName() + ": "
                        + rootMessage(e), e);
            } finally {
                nanos.add(System.nanoTime() - start);
                calls.increment();
            }
        }

        @Override
        public void close() {
            predictor.close();
        }
    }
}
