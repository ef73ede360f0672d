package app.tarjim.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlannerTest {

    @Test
    void groupsBySimilarLengthAndCoversEveryInputOnce() {
        long[][] inputs = {new long[5], new long[1], new long[9], new long[2], new long[8]};
        List<int[]> plan = BatchPlanner.plan(inputs, 2);
        assertThat(plan).hasSize(3);
        assertThat(plan.get(0)).containsExactly(2, 4);
        assertThat(plan.get(1)).containsExactly(0, 3);
        assertThat(plan.get(2)).containsExactly(1);
    }
}
