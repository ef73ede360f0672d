package app.tarjim.libretranslate;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps character positions in a source sentence to positions in its translation, for putting tags back.
 * Without word alignment the map is built from fixed points: the sentence's ends, and anchors (text that
 * survives translation unchanged, such as a URL or an {@code @user} mention, found again in the English).
 * Between fixed points positions are spread in proportion and moved to the nearest start of a word; inside an
 * anchor they move one to one, so tags within a link land on the same characters. The map never decreases,
 * which is what keeps the rebuilt tags nested as they were.
 */
final class SentenceMap {

    private final String target;
    private final List<int[]> points = new ArrayList<>();   // {source, target, 1 if an anchor starts here}

    private SentenceMap(String target) {
        this.target = target;
    }

    /**
     * @param sourceLength length of the source sentence
     * @param anchors      candidate anchors as {start, end} in the sentence, in document order; those not found
     *                     in the translation, or out of order, are left out
     * @param source       the source sentence, to read the anchors' text from
     */
    static SentenceMap of(String source, String target, List<int[]> anchors) {
        SentenceMap map = new SentenceMap(target);
        map.add(0, 0, false);
        int sourceCursor = 0;
        int targetCursor = 0;
        for (int[] anchor : anchors) {
            if (anchor[0] < sourceCursor || anchor[1] > source.length()) {
                continue;
            }
            String text = source.substring(anchor[0], anchor[1]);
            int found = target.indexOf(text, targetCursor);
            if (found < 0) {
                continue;
            }
            map.add(anchor[0], found, true);
            map.add(anchor[1], found + text.length(), false);
            sourceCursor = anchor[1];
            targetCursor = found + text.length();
        }
        map.add(source.length(), target.length(), false);
        return map;
    }

    private void add(int source, int target, boolean anchor) {
        if (!points.isEmpty() && points.get(points.size() - 1)[0] == source) {
            int[] last = points.get(points.size() - 1);
            last[1] = Math.max(last[1], target);
            last[2] = anchor ? 1 : last[2];
            return;
        }
        points.add(new int[]{source, target, anchor ? 1 : 0});
    }

    int map(int position) {
        for (int i = 0; i + 1 < points.size(); i++) {
            int[] from = points.get(i);
            int[] to = points.get(i + 1);
            if (position > to[0]) {
                continue;
            }
            if (position <= from[0]) {
                return from[1];
            }
            if (from[2] == 1) {
                return Math.min(to[1], from[1] + (position - from[0]));
            }
            int spread = from[1] + Math.round((position - from[0]) * (float) (to[1] - from[1]) / (to[0] - from[0]));
            return nearestWordStart(spread, from[1], to[1]);
        }
        return points.get(points.size() - 1)[1];
    }

    /** The closest position in [low, high] that starts a word (or is an end of the range); ties go left. */
    private int nearestWordStart(int position, int low, int high) {
        for (int distance = 0; ; distance++) {
            if (position - distance >= low && isWordStart(position - distance, low, high)) {
                return position - distance;
            }
            if (position + distance <= high && isWordStart(position + distance, low, high)) {
                return position + distance;
            }
            if (position - distance < low && position + distance > high) {
                return low;
            }
        }
    }

    private boolean isWordStart(int position, int low, int high) {
        return position == low || position == high
                || (Character.isWhitespace(target.charAt(position - 1)) && !Character.isWhitespace(target.charAt(position)));
    }
}
