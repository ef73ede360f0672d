package app.tarjim.engine;

import java.util.function.IntConsumer;

/** HF NoRepeatNGramLogitsProcessor: bans every token that would repeat an n-gram already in the sequence. */
final class NoRepeatNgramProcessor implements BanningProcessor {

    private final int n;

    NoRepeatNgramProcessor(int n) {
        this.n = n;
    }

    @Override
    public void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned) {
        if (length + 1 < n) {
            return;
        }
        int prefixStart = length - n + 1;
        for (int start = 0; start + n <= length; start++) {
            if (matches(sequence, start, prefixStart, n - 1)) {
                long id = sequence[start + n - 1];
                if (id >= 0 && id < vocabSize) {
                    banned.accept((int) id);
                }
            }
        }
    }

    private static boolean matches(long[] seq, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            if (seq[a + i] != seq[b + i]) {
                return false;
            }
        }
        return true;
    }
}
