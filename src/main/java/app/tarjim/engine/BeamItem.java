package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The beam search state of one input, following transformers 5's {@code _get_top_k_continuations},
 * {@code _get_running_beams_for_next_iteration}, {@code _update_finished_beams} and
 * {@code _check_early_stop_heuristic}. Scores are float32 as in HF, so ties and masks behave the same.
 */
final class BeamItem {

    /** HF's mask value for beams that must not be chosen. */
    private static final float MASK = -1.0e9f;

    private final GenerationSettings settings;
    private final LogitsProcessors processors;
    private final int beams;
    private final int vocab;
    private final int candidates;

    private long[][] running;
    private float[] runningScores;

    private final long[][] finished;
    private final int[] finishedLengths;
    private final float[] finishedScores;
    private final float[] finishedSums;
    private final boolean[] sentFinished;

    /** Per beam, its best {@code candidates} (running score + log-prob) of the step, written by processRow. */
    private final float[] rowTopScores;
    private final int[] rowTopIndices;
    private final int[] rowTopCounts;

    private boolean heuristicUnsatisfied = true;
    private boolean allCandidatesStopped;

    BeamItem(GenerationSettings settings, LogitsProcessors processors, int vocab) {
        this.settings = settings;
        this.processors = processors;
        this.beams = settings.numBeams();
        this.vocab = vocab;
        // HF keeps max(2, 1 + number of eos ids) * num_beams candidates so num_beams stay open after eos picks.
        this.candidates = Math.max(2, 1 + (settings.hasEos() ? 1 : 0)) * beams;
        if (candidates > (long) beams * vocab) {
            throw new IllegalArgumentException("num_beams " + beams + " is too large for a vocabulary of " + vocab);
        }
        int maxLength = settings.maxLength();
        running = new long[beams][maxLength];
        runningScores = new float[beams];
        finished = new long[beams][];
        finishedLengths = new int[beams];
        finishedScores = new float[beams];
        finishedSums = new float[beams];
        sentFinished = new boolean[beams];
        rowTopScores = new float[beams * candidates];
        rowTopIndices = new int[beams * candidates];
        rowTopCounts = new int[beams];
        for (int b = 0; b < beams; b++) {
            running[b][0] = settings.decoderStartTokenId();
            runningScores[b] = b == 0 ? 0f : MASK; // only the first beam may expand at step 0
            finished[b] = new long[] {settings.decoderStartTokenId()};
            finishedLengths[b] = 1;
            finishedScores[b] = MASK;
        }
    }

    int candidates() {
        return candidates;
    }

    /** The running beams' scores into {@code out[offset .. offset + beams)}. */
    void runningScores(float[] out, int offset) {
        System.arraycopy(runningScores, 0, out, offset, beams);
    }

    /**
     * First half of a step when the step head graph did it (see {@link StepHeadGraph#beamTops}): this input's
     * beams are rows {@code firstRow ..} of {@code tops}, each with its best candidates, descending.
     */
    void takeRowTops(StepHead.RowTops tops, int firstRow) {
        int k = tops.k();
        for (int b = 0; b < beams; b++) {
            int from = (firstRow + b) * k;
            for (int c = 0; c < k; c++) {
                rowTopScores[b * candidates + c] = tops.values()[from + c];
                rowTopIndices[b * candidates + c] = b * vocab + (int) tops.indices()[from + c];
            }
            rowTopCounts[b] = k;
        }
    }

    /** The tokens of running beam {@code beam} (valid up to the current length). */
    long[] runningSequence(int beam) {
        return running[beam];
    }

    void lastTokens(int curLen, long[] out, int offset) {
        for (int b = 0; b < beams; b++) {
            out[offset + b] = running[b][curLen - 1];
        }
    }

    /**
     * First half of a step, independent per beam: log-softmax of the beam's logits, the processors, then the
     * beam's best candidates while its row is still in cache (the top candidates over all beams are among them).
     */
    void processRow(int beam, float[] scores, int rowOffset, int curLen) {
        if (processors.bansOnly()) {
            // Same float operations as below without writing the row back: (logit - lse) + beam score, where
            // the processors' -inf on the raw logit gives -inf as it would on the log-prob.
            float lse = (float) LogSoftmax.logSumExp(scores, rowOffset, vocab);
            processors.apply(running[beam], curLen, scores, rowOffset, vocab);
            rowTopCounts[beam] = rowTop(scores, rowOffset, lse, runningScores[beam], beam * vocab,
                    rowTopScores, rowTopIndices, beam * candidates, candidates);
            return;
        }
        LogSoftmax.inPlace(scores, rowOffset, vocab);
        processors.apply(running[beam], curLen, scores, rowOffset, vocab);
        rowTopCounts[beam] = rowTop(scores, rowOffset, 0f, runningScores[beam], beam * vocab,
                rowTopScores, rowTopIndices, beam * candidates, candidates);
    }

    /**
     * The best {@code k} of {@code (scores[row ..] - lse) + beamScore} into {@code topScores/topIndices[out .. out + k)},
     * descending, ties to the lower index (indices are {@code base + t}); returns how many were filled.
     */
    private int rowTop(float[] scores, int row, float lse, float beamScore, int base, float[] topScores, int[] topIndices,
                       int out, int k) {
        int count = 0;
        int t = 0;
        // Fill: the first k entries, insertion-sorted.
        for (; t < vocab && count < k; t++) {
            insert(topScores, topIndices, out, count++, (scores[row + t] - lse) + beamScore, base + t);
        }
        if (count < k) {
            return count;
        }
        // Then only what beats the current k-th best (strictly: ties keep the lower index) gets in.
        float kth = topScores[out + k - 1];
        for (; t < vocab; t++) {
            float v = (scores[row + t] - lse) + beamScore;
            if (v > kth) {
                insert(topScores, topIndices, out, k - 1, v, base + t);
                kth = topScores[out + k - 1];
            }
        }
        return count;
    }

    /**
     * Second half of a step, after {@link #processRow} for every beam of this input.
     *
     * @return for each new running beam, the old beam it continues (for reordering the cache)
     */
    int[] advance(int curLen) {
        float[] candScores = new float[candidates];
        int[] candIndices = new int[candidates];
        topCandidates(candScores, candIndices);

        boolean[] hits = new boolean[candidates];
        boolean allHit = true;
        for (int c = 0; c < candidates; c++) {
            long token = candIndices[c] % vocab;
            hits[c] = (settings.hasEos() && token == settings.eosTokenId()) || curLen + 1 >= settings.maxLength();
            allHit &= hits[c];
        }
        allCandidatesStopped = allHit;
        long[][] parents = running;
        int[] sources = nextRunning(candScores, candIndices, hits, curLen);
        updateFinished(parents, candScores, candIndices, hits, curLen);
        return sources;
    }

    /** Puts (v, index) at {@code pos} or above in the descending list {@code [out, out + pos]}, stable. */
    private static void insert(float[] topScores, int[] topIndices, int out, int pos, float v, int index) {
        while (pos > 0 && v > topScores[out + pos - 1]) {
            topScores[out + pos] = topScores[out + pos - 1];
            topIndices[out + pos] = topIndices[out + pos - 1];
            pos--;
        }
        topScores[out + pos] = v;
        topIndices[out + pos] = index;
    }

    /**
     * Top candidates over all beams of (running score + processed log-prob), ties to the lower index: a merge of
     * the per-beam lists from {@link #processRow}, taken in beam order, so equal scores keep the index order.
     */
    private void topCandidates(float[] topScores, int[] topIndices) {
        int count = 0;
        for (int b = 0; b < beams; b++) {
            int from = b * candidates;
            for (int c = 0; c < rowTopCounts[b]; c++) {
                float v = rowTopScores[from + c];
                if (count == topScores.length && !(v > topScores[count - 1])) {
                    break; // the rest of this beam's list is no better
                }
                int pos = count == topScores.length ? count - 1 : count++;
                while (pos > 0 && v > topScores[pos - 1]) {
                    topScores[pos] = topScores[pos - 1];
                    topIndices[pos] = topIndices[pos - 1];
                    pos--;
                }
                topScores[pos] = v;
                topIndices[pos] = rowTopIndices[from + c];
            }
        }
    }

    private int[] nextRunning(float[] candScores, int[] candIndices, boolean[] hits, int curLen) {
        float[] masked = new float[candidates];
        for (int c = 0; c < candidates; c++) {
            masked[c] = hits[c] ? candScores[c] + MASK : candScores[c];
        }
        int[] order = topIndices(masked, beams);
        long[][] next = new long[beams][];
        float[] nextScores = new float[beams];
        int[] sources = new int[beams];
        for (int j = 0; j < beams; j++) {
            int c = order[j];
            sources[j] = candIndices[c] / vocab;
            next[j] = running[sources[j]].clone();
            next[j][curLen] = candIndices[c] % vocab;
            nextScores[j] = masked[c];
        }
        running = next;
        runningScores = nextScores;
        return sources;
    }

    private void updateFinished(long[][] parents, float[] candScores, int[] candIndices, boolean[] hits, int curLen) {
        float penalty = (float) Math.pow(curLen + 1 - GenerationSettings.PROMPT_LENGTH, settings.lengthPenalty());
        boolean beamsFull = allSentFinished() && settings.earlyStopping() == EarlyStopping.TRUE;
        int total = beams + candidates;
        float[] mergedScores = new float[total];
        System.arraycopy(finishedScores, 0, mergedScores, 0, beams);
        boolean[] justFinished = new boolean[candidates];
        for (int c = 0; c < candidates; c++) {
            justFinished[c] = hits[c] && c < beams;
            float s = candScores[c] / penalty;
            if (beamsFull) {
                s += MASK;
            }
            if (!heuristicUnsatisfied) {
                s += MASK;
            }
            if (!justFinished[c]) {
                s += MASK;
            }
            mergedScores[beams + c] = s;
        }
        int[] order = topIndices(mergedScores, beams);
        long[][] seqs = new long[beams][];
        int[] lengths = new int[beams];
        float[] sums = new float[beams];
        boolean[] flags = new boolean[beams];
        for (int j = 0; j < beams; j++) {
            int m = order[j];
            if (m < beams) {
                seqs[j] = finished[m];
                lengths[j] = finishedLengths[m];
                sums[j] = finishedSums[m];
                flags[j] = sentFinished[m];
            } else {
                int c = m - beams;
                long[] seq = Arrays.copyOf(parents[candIndices[c] / vocab], curLen + 1);
                seq[curLen] = candIndices[c] % vocab;
                seqs[j] = seq;
                lengths[j] = curLen + 1;
                sums[j] = candScores[c];
                flags[j] = justFinished[c];
            }
            finishedScores[j] = mergedScores[m];
        }
        for (int j = 0; j < beams; j++) {
            finished[j] = seqs[j];
            finishedLengths[j] = lengths[j];
            finishedSums[j] = sums[j];
            sentFinished[j] = flags[j];
        }
    }

    /** After the step (curLen already counts the new token): is this input's search decided? */
    boolean checkDone(int curLen) {
        int bestLength = settings.earlyStopping() == EarlyStopping.NEVER && settings.lengthPenalty() > 0.0
                ? settings.maxLength() - GenerationSettings.PROMPT_LENGTH
                : curLen - GenerationSettings.PROMPT_LENGTH;
        float bestPossible = runningScores[0] / (float) Math.pow(bestLength, settings.lengthPenalty());
        float worst = Float.POSITIVE_INFINITY;
        for (float s : finishedScores) {
            worst = Math.min(worst, s);
        }
        boolean improvable = false;
        for (int b = 0; b < beams; b++) {
            if (bestPossible > (sentFinished[b] ? worst : MASK)) {
                improvable = true;
            }
        }
        heuristicUnsatisfied &= improvable;
        boolean beamsFull = allSentFinished() && settings.earlyStopping() == EarlyStopping.TRUE;
        return !heuristicUnsatisfied || beamsFull || allCandidatesStopped;
    }

    private boolean allSentFinished() {
        for (boolean f : sentFinished) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    List<Hypothesis> best(int count) {
        List<Hypothesis> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(new Hypothesis(Arrays.copyOf(finished[j], finishedLengths[j]), finishedSums[j], finishedScores[j]));
        }
        return out;
    }

    /** Indices of the {@code k} largest values, descending, ties to the lower index (stable). */
    static int[] topIndices(float[] values, int k) {
        Integer[] idx = new Integer[values.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (a, b) -> Float.compare(values[b], values[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
