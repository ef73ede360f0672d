package app.tarjim.pipeline.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tarjim.pipeline.TestResources;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GlossaryCsvReaderTest {

    private final GlossaryCsvReader reader = new GlossaryCsvReader();

    private Glossary read(String csv) {
        return reader.read(new StringReader(csv));
    }

    @Test
    void readsAFileWithHeaderAndQuotes() {
        Glossary glossary = read(TestResources.text("glossary-aleppo.csv"));

        assertThat(glossary.entries()).containsExactly(
                new GlossaryEntry("زكريا ملاحفجي", "Zakaria Malahefji"),
                new GlossaryEntry("سيرغي لافروف", "Sergey Lavrov"),
                new GlossaryEntry("العربي الجديد", "Al-Araby Al-Jadeed"),
                new GlossaryEntry("حلب", "Aleppo"));
    }

    @Test
    void headerIsOptionalAndQuotedCommasStayInTheField() {
        Glossary glossary = read("\uFEFFجون كيري,John Kerry\n\n\"الأمم المتحدة\",\"United Nations, the\"\n");

        assertThat(glossary.entries()).containsExactly(
                new GlossaryEntry("جون كيري", "John Kerry"),
                new GlossaryEntry("الأمم المتحدة", "United Nations, the"));
    }

    @Test
    void aLineWithOneFieldIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> read("arabic,english\nحلب,Aleppo\nدمشق\n"))
                .isInstanceOf(GlossaryFormatException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void twoRenderingsForOneTermAreRejected() {
        assertThatThrownBy(() -> read("حلب,Aleppo\nحلب,Halab\n"))
                .isInstanceOf(GlossaryFormatException.class)
                .hasMessageContaining("حلب").hasMessageContaining("Halab").hasMessageContaining("Aleppo");
    }

    @Test
    void anEmptyFieldIsRejected() {
        assertThatThrownBy(() -> read("حلب,\n")).isInstanceOf(GlossaryFormatException.class)
                .hasMessageContaining("empty field");
    }
}
