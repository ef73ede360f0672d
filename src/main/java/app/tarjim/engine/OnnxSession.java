package app.tarjim.engine;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One ONNX graph loaded through DJL's OnnxRuntime engine, with its declared inputs. */
final class OnnxSession implements AutoCloseable {

    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final Map<String, Shape> inputs;
    private final LongAdder nanos;
    private final LongAdder calls;

    private OnnxSession(Path file, ZooModel<NDList, NDList> model, LongAdder nanos, LongAdder calls) {
        this.file = file;
        this.model = model;
        this.nanos = nanos;
        this.calls = calls;
        Map<String, Shape> declared = new LinkedHashMap<>();
        PairList<String, Shape> described = model.getBlock().describeInput();
        for (int i = 0; i < described.size(); i++) {
            declared.put(described.keyAt(i), described.valueAt(i));
        }
        this.inputs = java.util.Collections.unmodifiableMap(declared);
    }

    /** @param nanos, calls where the time and number of runs of this graph are added up */
    static OnnxSession open(Path file, ModelOptions options, LongAdder nanos, LongAdder calls) {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file)
                .optEngine("OnnxRuntime")
                .optOption("intraOpNumThreads", Integer.toString(options.intraOpThreads()))
                .optOption("interOpNumThreads", Integer.toString(options.interOpThreads()))
                .build();
        ZooModel<NDList, NDList> model = null;
        try {
            model = criteria.loadModel();
            return new OnnxSession(file, model, nanos, calls);
        } catch (MalformedModelException | ModelNotFoundException | IOException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            throw new ModelLoadException("ONNX file " + file + " cannot be loaded by ONNX Runtime: "
                    + rootMessage(e), e);
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
