package app.tarjim.engine;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * HF NoBadWordsLogitsProcessor: single-token entries are always banned, longer ones ban their last token when
 * the sequence ends with the rest. Entries that are just the eos token are dropped, as HF does.
 */
final class BadWordsProcessor implements BanningProcessor {

    private final List<long[]> badWords;

    BadWordsProcessor(List<long[]> badWords, long eosTokenId) {
        this.badWords = badWords.stream()
                .filter(w -> w.length > 0 && !(w.length == 1 && w[0] == eosTokenId))
                .toList();
    }

    @Override
    public void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned) {
        for (long[] word : badWords) {
            int prefix = word.length - 1;
            if (prefix > length || !endsWith(sequence, length, word, prefix)) {
                continue;
            }
            long id = word[prefix];
            if (id >= 0 && id < vocabSize) {
                banned.accept((int) id);
            }
        }
    }

    private static boolean endsWith(long[] sequence, int length, long[] word, int prefix) {
        for (int i = 0; i < prefix; i++) {
            if (sequence[length - prefix + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** Single-token entries ban the same id everywhere; longer ones depend on each row's tokens. */
    @Override
    public boolean sharedMaskAt(int length) {
        return badWords.stream().allMatch(w -> w.length == 1);
    }
}
