package app.tarjim.libretranslate;

import java.util.ArrayList;
import java.util.List;

/**
 * The English of one line of text (a run of HTML inline content) and the map from positions in the Arabic line
 * to positions in it. Sentences map through their {@link SentenceMap}; the whitespace before the first and
 * after the last sentence is kept; a position between two sentences goes to the end of the first.
 */
final class RunMap {

    private final String target;
    private final int[] sourceStarts;
    private final int[] sourceEnds;
    private final int[] targetStarts;
    private final int[] targetEnds;
    private final List<SentenceMap> maps = new ArrayList<>();

    /**
     * @param source  the line as sent to the model
     * @param anchors {start, end} of text in the line that may come through translation unchanged
     */
    RunMap(String source, List<SentencePair> sentences, List<int[]> anchors) {
        int n = sentences.size();
        sourceStarts = new int[n];
        sourceEnds = new int[n];
        targetStarts = new int[n];
        targetEnds = new int[n];
        StringBuilder english = new StringBuilder();
        int cursor = 0;
        for (int i = 0; i < n; i++) {
            SentencePair sentence = sentences.get(i);
            int start = source.indexOf(sentence.source(), cursor);
            if (start < 0) {
                throw new IllegalStateException("The pipeline returned a sentence that is not in the text: "
                        + sentence.source());
            }
            sourceStarts[i] = start;
            sourceEnds[i] = start + sentence.source().length();
            cursor = sourceEnds[i];
            if (i == 0) {
                english.append(source, 0, start);
            } else if (!sentence.target().isEmpty()) {
                english.append(' ');
            }
            targetStarts[i] = english.length();
            english.append(sentence.target());
            targetEnds[i] = english.length();
            List<int[]> own = new ArrayList<>();
            for (int[] anchor : anchors) {
                if (anchor[0] >= start && anchor[1] <= sourceEnds[i]) {
                    own.add(new int[]{anchor[0] - start, anchor[1] - start});
                }
            }
            maps.add(SentenceMap.of(sentence.source(), sentence.target(), own));
        }
        english.append(source, n == 0 ? 0 : cursor, source.length());
        target = english.toString();
    }

    String target() {
        return target;
    }

    int map(int position) {
        int n = maps.size();
        if (n == 0 || position <= sourceStarts[0]) {
            return position;
        }
        for (int i = 0; i < n; i++) {
            if (position < sourceStarts[i]) {
                return targetEnds[i - 1];
            }
            if (position <= sourceEnds[i]) {
                return targetStarts[i] + maps.get(i).map(position - sourceStarts[i]);
            }
        }
        return targetEnds[n - 1] + (position - sourceEnds[n - 1]);
    }
}
