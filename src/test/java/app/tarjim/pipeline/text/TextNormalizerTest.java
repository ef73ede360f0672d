package app.tarjim.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void stripsTatweel() {
        assertThat(normalizer.normalize("تجمُّع لـ\"العربي الجديد\" جمـــيل")).isEqualTo("تجمُّع ل\"العربي الجديد\" جميل");
    }

    @Test
    void stripsZeroWidthAndBidiControls() {
        String text = "\u200Fحلب\u200B \u202Bسورية\u202C \u2066Aleppo\u2069\u200E\u200D\u200C\uFEFF";
        assertThat(normalizer.normalize(text)).isEqualTo("حلب سورية Aleppo");
    }

    @Test
    void keepsArabicIndicDigits() {
        assertThat(normalizer.normalize("عام ٢٠١٦ و٣٫٥ ۱۲")).isEqualTo("عام ٢٠١٦ و٣٫٥ ۱۲");
    }

    @Test
    void collapsesAndTrimsWhitespaceOfEveryKind() {
        assertThat(normalizer.normalize("  حلب\t\u00A0 \n سورية\u2003 ")).isEqualTo("حلب سورية");
    }
}
