package app.tarjim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** The processors {@code generate()} builds for the settings, in the order Hugging Face applies them. */
final class LogitsProcessors {

    private final List<LogitsProcessor> processors;

    private final boolean bansOnly;

    /** The last shared mask of {@link #stepMasks}, returned again (same instance) while it does not change. */
    private float[] lastMask;
    /** Where each step's shared mask is built before it is compared with {@link #lastMask}. */
    private float[] scratch;

    private LogitsProcessors(List<LogitsProcessor> processors) {
        this.processors = processors;
        this.bansOnly = processors.stream().allMatch(p -> p instanceof BanningProcessor);
    }

    static LogitsProcessors forSettings(GenerationSettings s) {
        List<LogitsProcessor> list = new ArrayList<>();
        if (s.repetitionPenalty() != 1.0) {
            list.add(new RepetitionPenaltyProcessor(s.repetitionPenalty()));
        }
        if (s.noRepeatNgramSize() > 0) {
            list.add(new NoRepeatNgramProcessor(s.noRepeatNgramSize()));
        }
        if (!s.badWordsIds().isEmpty()) {
            list.add(new BadWordsProcessor(s.badWordsIds(), s.eosTokenId()));
        }
        if (s.minLength() > 0 && s.hasEos()) {
            list.add(new MinLengthProcessor(s.minLength(), s.eosTokenId()));
        }
        if (s.forcedBosTokenId() != null) {
            list.add(new ForcedTokenProcessor(GenerationSettings.PROMPT_LENGTH, s.forcedBosTokenId()));
        }
        if (s.forcedEosTokenId() != null) {
            list.add(new ForcedTokenProcessor(s.maxLength() - 1, s.forcedEosTokenId()));
        }
        return new LogitsProcessors(List.copyOf(list));
    }

    /** True when every processor is a {@link BanningProcessor} (or none is configured). */
    boolean bansOnly() {
        return bansOnly;
    }

    /**
     * What the processors do at one step, when all they do is ban ids: {@code shared} is an additive row (0, or
     * -inf for ids banned in every row: {@link LogitsProcessor#sharedMaskAt}), and {@code banIds}/{@code banValues}
     * are [rows, banWidth] ids each row bans on top ({@link BanningProcessor}), padded with id 0 and
     * value +inf, which the head graphs' min-scatter leaves unchanged; banWidth 0 (empty arrays) when no row bans
     * anything.
     */
    record StepMasks(float[] shared, long[] banIds, float[] banValues, int banWidth) {
    }

    /**
     * The processors' effect on a step of {@code rows} rows, all of {@code length} tokens, or null when one of them
     * does more than ban ids at this length (repetition penalty, a forced token on its step): then the step must
     * run the processors in Java. The shared row is built by running those processors on a row of zeros, so it is
     * exactly what they do, and the same array is returned while it does not change. One instance per call.
     */
    StepMasks stepMasks(int length, int rows, IntFunction<long[]> sequenceOfRow, int vocabSize) {
        List<BanningProcessor> perRow = new ArrayList<>();
        if (scratch == null || scratch.length != vocabSize) {
            scratch = new float[vocabSize];
        } else {
            Arrays.fill(scratch, 0f);
        }
        long[] none = new long[length];
        for (LogitsProcessor p : processors) {
            if (p.sharedMaskAt(length)) {
                p.process(none, length, scratch, 0, vocabSize);
            } else if (p instanceof BanningProcessor banning) {
                perRow.add(banning);
            } else {
                return null;
            }
        }
        if (lastMask == null || !Arrays.equals(scratch, lastMask)) {
            lastMask = scratch.clone(); // a new array only when the mask changes: a few times per call
        }
        float[] mask = lastMask;
        int[][] bans = new int[rows][];
        int width = 0;
        for (int r = 0; r < rows && !perRow.isEmpty(); r++) {
            long[] sequence = sequenceOfRow.apply(r);
            IntList ids = new IntList();
            for (BanningProcessor p : perRow) {
                p.bannedIds(sequence, length, vocabSize, ids::add);
            }
            bans[r] = ids.toArray();
            width = Math.max(width, bans[r].length);
        }
        long[] banIds = new long[rows * width];
        float[] banValues = new float[rows * width];
        Arrays.fill(banValues, Float.POSITIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            if (bans[r] != null) {
                for (int c = 0; c < bans[r].length; c++) {
                    banIds[r * width + c] = bans[r][c];
                    banValues[r * width + c] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return new StepMasks(mask, banIds, banValues, width);
    }

    /** A growable int array (banned ids of one row: a handful). */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    void apply(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        for (LogitsProcessor p : processors) {
            p.process(sequence, length, scores, offset, vocabSize);
        }
    }
}
