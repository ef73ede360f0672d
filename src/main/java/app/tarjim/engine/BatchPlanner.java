package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups inputs of similar length into sub-batches, so that padding (encoder work on pad tokens) stays small.
 * Longest first: the sub-batches with the most work start while the caller is most likely to wait for all.
 */
final class BatchPlanner {

    private BatchPlanner() {
    }

    /** @return input indices per sub-batch; every index appears exactly once */
    static List<int[]> plan(long[][] inputs, int maxBatchSize) {
        Integer[] order = IntStream.range(0, inputs.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> inputs[i].length).reversed()
                .thenComparingInt(i -> i));
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += maxBatchSize) {
            int end = Math.min(order.length, start + maxBatchSize);
            batches.add(Arrays.stream(order, start, end).mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }
}
