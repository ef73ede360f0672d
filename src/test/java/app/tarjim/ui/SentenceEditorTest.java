package app.tarjim.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words an edit changed, which the "Always translate" offer starts from. */
class SentenceEditorTest {

    @Test
    void theChangedRunOfWordsIsOfferedWithoutTheWordsAroundItOrTrailingPunctuation() {
        assertThat(SentenceEditor.changedWords("The opposition stays in Halab.", "The opposition stays in Aleppo."))
                .isEqualTo("Aleppo");
        assertThat(SentenceEditor.changedWords("Malahefji Zakaria said on Sunday", "Zakaria Malahefji said on Sunday"))
                .isEqualTo("Zakaria Malahefji");
        assertThat(SentenceEditor.changedWords("He said it.", "He said it.")).isEmpty();
        assertThat(SentenceEditor.changedWords("the factions", "the factions held firm")).isEqualTo("held firm");
    }
}
