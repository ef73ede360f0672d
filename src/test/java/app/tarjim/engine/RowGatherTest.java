package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RowGatherTest {

    @TempDir
    Path tmp;

    @Test
    void gathersRowsOfFloatAndLongTensorsInsideOnnxRuntime() {
        EngineCounters counters = new EngineCounters();
        try (RowGather gather = new RowGather(tmp, 1, GatherGraph.FLOAT, ModelOptions.defaults(), counters);
             RowGather.Runners runners = gather.newRunners();
             NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
            NDArray key = manager.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(3, 2));
            key.setName("past_key_values.0.decoder.key");
            NDArray value = manager.create(new float[] {10, 11, 12, 13, 14, 15}, new Shape(3, 2));
            value.setName("v");
            NDArray[] out = runners.cacheRows(manager, new NDArray[] {key, value}, new int[] {2, 2, 0});
            assertThat(out[0].toFloatArray()).containsExactly(4, 5, 4, 5, 0, 1);
            assertThat(out[1].toFloatArray()).containsExactly(14, 15, 14, 15, 10, 11);
            assertThat(out[0].getShape()).isEqualTo(new Shape(3, 2));
            assertThat(out[0].getName()).isEqualTo("past_key_values.0.decoder.key");
            assertThat(key.getName()).isEqualTo("past_key_values.0.decoder.key");

            NDArray mask = manager.create(new long[] {1, 1, 0, 1, 0, 0}, new Shape(2, 3));
            assertThat(runners.maskRows(manager, mask, new int[] {1}).toLongArray()).containsExactly(1, 0, 0);
            assertThat(counters.gatherCalls.sum()).isEqualTo(2);
        }
    }

    @Test
    void halfPrecisionValuesConvert() {
        assertThat(Tensors.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(Tensors.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(Tensors.halfToFloat((short) 0x3555)).isCloseTo(0.33325195f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(Tensors.halfToFloat((short) 0x0001)).isEqualTo(5.9604645e-8f);
        assertThat(Tensors.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
