package app.tarjim.pipeline.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryMatcherTest {

    private static List<String> found(Glossary glossary, String text) {
        return new GlossaryMatcher(glossary).find(text).stream()
                .map(m -> text.substring(m.start(), m.end()) + "|" + m.prefix() + "|" + m.entry().english())
                .toList();
    }

    private static Glossary glossary(String... pairs) {
        List<GlossaryEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(new GlossaryEntry(pairs[i], pairs[i + 1]));
        }
        return new Glossary(entries);
    }

    @Test
    void matchesWholeWordsOnly() {
        Glossary g = glossary("حلب", "Aleppo");

        assertThat(found(g, "في حلب اليوم")).containsExactly("حلب||Aleppo");
        assertThat(found(g, "حلبي وحلبة")).isEmpty();
    }

    @Test
    void matchesBehindCliticsAndKeepsTheMeaningfulOnes() {
        Glossary g = glossary("حلب", "Aleppo", "المجلس الوطني", "National Council");

        assertThat(found(g, "وحلب بحلب لحلب فحلب")).containsExactly(
                "وحلب|و|Aleppo", "بحلب|ب|Aleppo", "لحلب|ل|Aleppo", "فحلب|ف|Aleppo");
        assertThat(found(g, "والمجلس الوطني للمجلس الوطني بالمجلس الوطني")).containsExactly(
                "والمجلس الوطني|و|National Council", "للمجلس الوطني|ل|National Council",
                "بالمجلس الوطني|ب|National Council");
    }

    @Test
    void spellingVariantsAndDiacriticsMatch() {
        Glossary g = glossary("أنقرة", "Ankara", "زكريا ملاحفجي", "Zakaria Malahefji");

        assertThat(found(g, "في انقره وفي أنقَرة")).hasSize(2);
        assertThat(found(g, "قال زكريّا ملاحفـجي")).containsExactly("زكريّا ملاحفـجي||Zakaria Malahefji");
    }

    @Test
    void longestTermWins() {
        Glossary g = glossary("مجلس الأمن", "Security Council", "مجلس الأمن الدولي", "UN Security Council");

        assertThat(found(g, "اجتمع مجلس الأمن الدولي ثم مجلس الأمن")).containsExactly(
                "مجلس الأمن الدولي||UN Security Council", "مجلس الأمن||Security Council");
    }

    @Test
    void shortTermsDoNotMatchBehindClitics() {
        assertThat(found(glossary("يد", "hand"), "بيد يد")).containsExactly("يد||hand");
    }
}
