package app.tarjim.pipeline.glossary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds glossary terms in a text. Matching is on folded spelling (see {@link ArabicFolding}), whole words
 * only, longest term first with no overlaps, so "مجلس الأمن الدولي" wins over "مجلس الأمن".
 * <p>
 * Arabic attaches conjunctions, prepositions and the article to the next word: "وحلب", "بحلب", "لحلب",
 * "والمجلس", "للمجلس" (ل + ال). A term of three letters or more also matches behind those clitics; shorter
 * terms only as a bare word, since a one- or two-letter term behind a clitic is more often part of another
 * word than the term. Suffixes (pronouns, plural endings) are not stripped: they change the word, and
 * the glossary should list such forms itself.
 */
public final class GlossaryMatcher {

    private static final int MIN_LETTERS_FOR_CLITICS = 3;
    /** Conjunction? preposition? article?, written joined to the word. */
    private static final Set<String> CLITIC_PREFIXES = Set.of(
            "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
            "ال", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "فكال");
    /** ل + ال is written لل: the article's alef drops out. */
    private static final Set<String> LAM_ARTICLE_PREFIXES = Set.of("لل", "ولل", "فلل");
    private static final String ARTICLE = "ال";

    private final List<Term> terms;

    private record Term(String folded, GlossaryEntry entry) {
    }

    public GlossaryMatcher(Glossary glossary) {
        this.terms = glossary.entries().stream()
                .map(entry -> new Term(ArabicFolding.foldTerm(entry.arabic()), entry))
                .filter(term -> !term.folded().isBlank())
                .sorted(Comparator.comparingInt((Term term) -> term.folded().length()).reversed())
                .toList();
    }

    /** Matches in text order, none overlapping. */
    public List<GlossaryMatch> find(String text) {
        ArabicFolding.Folded folded = ArabicFolding.fold(text);
        String f = folded.text();
        List<int[]> taken = new ArrayList<>();
        List<GlossaryMatch> matches = new ArrayList<>();
        for (Term term : terms) {
            for (int[] hit : hits(f, term)) {
                if (taken.stream().noneMatch(t -> hit[0] < t[1] && t[0] < hit[1])) {
                    taken.add(hit);
                    int start = folded.originOf(hit[0], text.length());
                    int end = folded.originOf(hit[1] - 1, text.length()) + 1;
                    String prefix = f.substring(hit[0], hit[0] + hit[2]);
                    matches.add(new GlossaryMatch(start, end, prefix, term.entry()));
                }
            }
        }
        matches.sort(Comparator.comparingInt(GlossaryMatch::start));
        return matches;
    }

    /** {wordStart, termEnd, keptPrefixLength} for every whole-word occurrence of the term. */
    private static List<int[]> hits(String f, Term term) {
        List<int[]> hits = new ArrayList<>();
        String t = term.folded();
        boolean clitics = letters(t) >= MIN_LETTERS_FOR_CLITICS;
        addHits(hits, f, t, clitics ? CLITIC_PREFIXES : Set.of(), false);
        if (clitics && t.startsWith(ARTICLE) && t.length() > ARTICLE.length()) {
            addHits(hits, f, t.substring(ARTICLE.length()), LAM_ARTICLE_PREFIXES, true);
        }
        return hits;
    }

    private static void addHits(List<int[]> hits, String f, String t, Set<String> prefixes, boolean prefixRequired) {
        for (int at = f.indexOf(t); at >= 0; at = f.indexOf(t, at + 1)) {
            int end = at + t.length();
            if (end < f.length() && isWordChar(f.charAt(end))) {
                continue;
            }
            int wordStart = at;
            while (wordStart > 0 && isWordChar(f.charAt(wordStart - 1))) {
                wordStart--;
            }
            String prefix = f.substring(wordStart, at);
            if (prefix.isEmpty() ? prefixRequired : !prefixes.contains(prefix)) {
                continue;
            }
            hits.add(new int[] {wordStart, end, keptPrefixLength(prefix, prefixRequired)});
        }
    }

    /** The clitics that carry meaning in front of the rendering: the article is dropped, لل keeps its ل. */
    private static int keptPrefixLength(String prefix, boolean lamArticle) {
        if (lamArticle) {
            return prefix.length() - 1;
        }
        return prefix.endsWith(ARTICLE) ? prefix.length() - ARTICLE.length() : prefix.length();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }
}
