package app.tarjim.pipeline.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts a sentence that is too long for the model into pieces that fit, preferring the strongest break
 * available: after the Arabic semicolon {@code ؛} (Arabic news joins whole clauses with it, so it is the
 * sentence splitter's boundary in all but name), then after {@code ، ; :}, then after {@code ,}, then
 * before a word starting with the conjunction و, then between words, and for a single giant word (a
 * pasted URL) between characters.
 * Neighbouring pieces are packed back together greedily while they still fit, so the text is cut no
 * more often than needed.
 */
final class ClauseSplitter {

    private final Predicate<String> fits;

    ClauseSplitter(Predicate<String> fits) {
        this.fits = fits;
    }

    List<Span> split(String text, Span sentence) {
        return split(text, sentence, Level.SEMICOLON);
    }

    private List<Span> split(String text, Span span, Level level) {
        if (fits.test(span.of(text)) || level == null) {
            return List.of(span);
        }
        List<Span> pieces = cut(text, span, level);
        if (pieces.size() < 2) {
            return split(text, span, level.next());
        }
        List<Span> result = new ArrayList<>();
        Span packed = null;
        for (Span piece : pieces) {
            Span candidate = packed == null ? piece : new Span(packed.start(), piece.end());
            if (fits.test(candidate.of(text))) {
                packed = candidate;
                continue;
            }
            if (packed != null) {
                result.add(packed);
            }
            if (fits.test(piece.of(text))) {
                packed = piece;
            } else {
                result.addAll(split(text, piece, level.next()));
                packed = null;
            }
        }
        if (packed != null) {
            result.add(packed);
        }
        return result;
    }

    /** The span cut at every break point of the level, each piece trimmed, empty pieces dropped. */
    private static List<Span> cut(String text, Span span, Level level) {
        List<Span> pieces = new ArrayList<>();
        int pieceStart = span.start();
        for (int i = span.start() + 1; i < span.end(); i++) {
            if (level.breaksBefore(text, i, span.end())) {
                Span piece = Span.trimmed(text, pieceStart, i);
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
                pieceStart = i;
            }
        }
        Span last = Span.trimmed(text, pieceStart, span.end());
        if (!last.isEmpty()) {
            pieces.add(last);
        }
        return pieces;
    }

    private enum Level {
        SEMICOLON {
            boolean breaksBefore(String t, int i, int end) {
                return t.charAt(i - 1) == '؛' && TextNormalizer.isGap(t.charAt(i));
            }
        },
        CLAUSE {
            boolean breaksBefore(String t, int i, int end) {
                return "،;:".indexOf(t.charAt(i - 1)) >= 0 && TextNormalizer.isGap(t.charAt(i));
            }
        },
        COMMA {
            boolean breaksBefore(String t, int i, int end) {
                return t.charAt(i - 1) == ',' && TextNormalizer.isGap(t.charAt(i));
            }
        },
        CONJUNCTION {
            boolean breaksBefore(String t, int i, int end) {
                return TextNormalizer.isGap(t.charAt(i - 1)) && t.charAt(i) == 'و'
                        && i + 1 < end && Character.isLetter(t.charAt(i + 1));
            }
        },
        WORD {
            boolean breaksBefore(String t, int i, int end) {
                return TextNormalizer.isGap(t.charAt(i - 1)) && !TextNormalizer.isGap(t.charAt(i));
            }
        },
        CHARACTER {
            boolean breaksBefore(String t, int i, int end) {
                return !Character.isLowSurrogate(t.charAt(i));
            }
        };

        abstract boolean breaksBefore(String text, int i, int end);

        Level next() {
            Level[] all = values();
            return ordinal() + 1 < all.length ? all[ordinal() + 1] : null;
        }
    }
}
