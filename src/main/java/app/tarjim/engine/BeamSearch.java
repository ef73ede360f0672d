package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * HF beam search as vectorised in transformers 5 ({@code GenerationMixin._beam_search}), per input. Inputs whose
 * search is decided leave the batch: once an input is done HF can no longer change its finished beams (their
 * update is masked with -1e9), so dropping its rows gives the same outputs with fewer rows to compute.
 */
final class BeamSearch {

    private final GenerationSettings settings;
    private final LogitsProcessors processors;

    BeamSearch(GenerationSettings settings) {
        this.settings = settings;
        this.processors = LogitsProcessors.forSettings(settings);
    }

    /** {@code state} holds one row per input; returns num_return_sequences hypotheses per input, best first. */
    List<List<Hypothesis>> run(DecoderState state, int items, BooleanSupplier cancelled) {
        int beams = settings.numBeams();
        int vocab = state.vocabSize();
        int[] expand = new int[items * beams];
        Arrays.setAll(expand, r -> r / beams);
        state.keepRows(expand);

        BeamItem[] searches = new BeamItem[items];
        for (int i = 0; i < items; i++) {
            searches[i] = new BeamItem(settings, processors, vocab);
        }
        int candidates = searches.length > 0 ? searches[0].candidates() : 0;
        int[] active = new int[items];
        Arrays.setAll(active, i -> i);
        int curLen = GenerationSettings.PROMPT_LENGTH;
        while (active.length > 0) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            long[] last = new long[active.length * beams];
            for (int a = 0; a < active.length; a++) {
                searches[active[a]].lastTokens(curLen, last, a * beams);
            }
            int stepLen = curLen;
            int[] itemsNow = active;
            LogitsProcessors.StepMasks masks = state.reducesInGraph(active.length * beams)
                    ? processors.stepMasks(curLen, active.length * beams,
                            row -> searches[itemsNow[row / beams]].runningSequence(row % beams), vocab)
                    : null;
            if (masks != null) {
                float[] rowScores = new float[active.length * beams];
                for (int a = 0; a < active.length; a++) {
                    searches[active[a]].runningScores(rowScores, a * beams);
                }
                StepHead.RowTops tops = state.stepBeamTops(last, masks, rowScores, Math.min(candidates, vocab));
                for (int a = 0; a < active.length; a++) {
                    searches[active[a]].takeRowTops(tops, a * beams);
                }
            } else {
                float[] scores = state.step(last);
                int[] stepItems = active;
                RowParallel.forEach(active.length * beams, vocab, row -> searches[stepItems[row / beams]]
                        .processRow(row % beams, scores, row * vocab, stepLen));
            }
            int[][] sources = new int[active.length][];
            for (int a = 0; a < active.length; a++) {
                sources[a] = searches[active[a]].advance(stepLen);
            }
            curLen++;
            int[] rows = new int[active.length * beams];
            int[] kept = new int[active.length];
            int keptCount = 0;
            for (int a = 0; a < active.length; a++) {
                if (searches[active[a]].checkDone(curLen)) {
                    continue;
                }
                for (int b = 0; b < beams; b++) {
                    rows[keptCount * beams + b] = a * beams + sources[a][b];
                }
                kept[keptCount++] = active[a];
            }
            if (keptCount == active.length) {
                state.reorderBeams(rows);
            } else if (keptCount > 0) {
                state.keepRows(Arrays.copyOf(rows, keptCount * beams));
            }
            active = Arrays.copyOf(kept, keptCount);
        }
        List<List<Hypothesis>> out = new ArrayList<>(items);
        for (BeamItem search : searches) {
            out.add(search.best(settings.numReturnSequences()));
        }
        return out;
    }
}
