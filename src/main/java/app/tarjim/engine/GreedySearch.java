package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * HF greedy decoding ({@code _sample} without sampling): processors on the raw logits, argmax (first index on
 * ties). When the processors come down to one mask for all rows the step is reduced in ONNX Runtime (see
 * {@link StepHeadGraph}); otherwise in Java. A row that finishes (eos or max_length) leaves the batch, so no further steps are computed for it;
 * HF instead keeps it and pads, which does not change the other rows.
 */
final class GreedySearch {

    private final GenerationSettings settings;
    private final LogitsProcessors processors;

    GreedySearch(GenerationSettings settings) {
        this.settings = settings;
        this.processors = LogitsProcessors.forSettings(settings);
    }

    /** Returns one hypothesis per row of {@code state}. */
    List<Hypothesis> run(DecoderState state, int items, BooleanSupplier cancelled) {
        int vocab = state.vocabSize();
        long[][] sequences = new long[items][settings.maxLength()];
        int[] lengths = new int[items];
        double[] sums = new double[items];
        for (int i = 0; i < items; i++) {
            sequences[i][0] = settings.decoderStartTokenId();
            lengths[i] = GenerationSettings.PROMPT_LENGTH;
        }
        int[] active = new int[items];
        Arrays.setAll(active, i -> i);
        while (active.length > 0) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            long[] last = new long[active.length];
            for (int r = 0; r < active.length; r++) {
                last[r] = sequences[active[r]][lengths[active[r]] - 1];
            }
            long[] chosen;
            double[] logProbs;
            int[] rowsNow = active;
            LogitsProcessors.StepMasks masks = state.reducesInGraph(active.length)
                    ? processors.stepMasks(lengths[active[0]], active.length, r -> sequences[rowsNow[r]], vocab)
                    : null;
            if (masks != null) {
                StepHead.GreedyPicks picks = state.stepGreedy(last, masks);
                chosen = picks.tokens();
                logProbs = new double[active.length];
                for (int r = 0; r < active.length; r++) {
                    logProbs[r] = picks.logProbs()[r];
                }
            } else {
                chosen = new long[active.length];
                logProbs = new double[active.length];
                pickInJava(state.step(last), active, sequences, lengths, vocab, chosen, logProbs);
            }
            int[] kept = new int[active.length];
            int keptCount = 0;
            for (int r = 0; r < active.length; r++) {
                int item = active[r];
                long token = chosen[r];
                sums[item] += logProbs[r];
                sequences[item][lengths[item]++] = token;
                boolean done = (settings.hasEos() && token == settings.eosTokenId())
                        || lengths[item] >= settings.maxLength();
                if (!done) {
                    kept[keptCount++] = r;
                }
            }
            if (keptCount < active.length) {
                int[] rows = Arrays.copyOf(kept, keptCount);
                if (keptCount > 0) {
                    state.keepRows(rows);
                }
                int[] next = new int[keptCount];
                for (int k = 0; k < keptCount; k++) {
                    next[k] = active[rows[k]];
                }
                active = next;
            }
        }
        List<Hypothesis> out = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int generated = lengths[i] - GenerationSettings.PROMPT_LENGTH;
            out.add(new Hypothesis(Arrays.copyOf(sequences[i], lengths[i]), sums[i],
                    sums[i] / Math.pow(generated, settings.lengthPenalty())));
        }
        return out;
    }

    /** The same as the greedy head graph, in Java: processors in place on the raw logits, argmax, log-prob. */
    private void pickInJava(float[] scores, int[] rowsActive, long[][] sequences, int[] lengths, int vocab,
                            long[] chosen, double[] logProbs) {
        RowParallel.forEach(rowsActive.length, vocab, r -> {
            int item = rowsActive[r];
            int offset = r * vocab;
            processors.apply(sequences[item], lengths[item], scores, offset, vocab);
            int token = argmax(scores, offset, vocab);
            chosen[r] = token;
            logProbs[r] = scores[offset + token] - LogSoftmax.logSumExp(scores, offset, vocab, scores[offset + token]);
        });
    }

    private static int argmax(float[] scores, int offset, int length) {
        int best = 0;
        float bestScore = scores[offset];
        for (int i = 1; i < length; i++) {
            if (scores[offset + i] > bestScore) {
                bestScore = scores[offset + i];
                best = i;
            }
        }
        return best;
    }
}
