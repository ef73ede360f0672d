package app.tarjim.pipeline.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tarjim.pipeline.TestResources;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputValidatorTest {

    private final InputValidator validator = new InputValidator(InputLimits.DEFAULT);

    private static InputRejectedException rejection(Runnable action) {
        try {
            action.run();
        } catch (InputRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the input to be rejected");
    }

    @Test
    void acceptsTheSeedArticle() {
        assertThatCode(() -> validator.check(TestResources.seedArticle())).doesNotThrowAnyException();
    }

    @Test
    void rejectsEmptyAndBlankText() {
        for (String text : new String[] {"", "   \n\t  "}) {
            InputRejectedException e = rejection(() -> validator.check(text));
            assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY);
            assertThat(e.getMessage()).contains("empty");
        }
    }

    @Test
    void rejectsTextOverTheLimitNamingTheLimit() {
        InputValidator small = new InputValidator(new InputLimits(1_000, 0.5));
        InputRejectedException e = rejection(() -> small.check("حلب ".repeat(300)));

        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LONG);
        assertThat(e.getMessage()).contains("1,200 characters").contains("limit of 1,000 characters");
        assertThat(rejection(() -> validator.check("ب".repeat(100_001))).getMessage()).contains("100,000");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = {(byte) 0xD8, (byte) 0xAD, (byte) 0xC3, (byte) 0x28};
        InputRejectedException e = rejection(() -> validator.decodeAndCheck(bytes));

        assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_ENCODING);
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void dropsAByteOrderMark() {
        byte[] bytes = ("\uFEFF" + "حلب").getBytes(StandardCharsets.UTF_8);
        assertThat(validator.decodeAndCheck(bytes)).isEqualTo("حلب");
    }

    @Test
    void rejectsBinaryInput() {
        assertThat(rejection(() -> validator.check("حلب\0\0سورية")).reason()).isEqualTo(RejectionReason.NOT_TEXT);
        String controls = "حلب" + "\u0001\u0002\u0003\u001b".repeat(5) + " سورية".repeat(10);
        InputRejectedException e = rejection(() -> validator.check(controls));
        assertThat(e.reason()).isEqualTo(RejectionReason.NOT_TEXT);
        assertThat(e.getMessage()).contains("control characters");
    }

    @Test
    void rejectsEnglishTextWithTheShareOfArabicLetters() {
        InputRejectedException e = rejection(() -> validator.check(
                "The opposition rejects the pressure and stays in Aleppo, says حلب source."));

        assertThat(e.reason()).isEqualTo(RejectionReason.NOT_ARABIC);
        assertThat(e.getMessage()).isEqualTo(
                "This text looks like it is not Arabic: only 5% of its letters are Arabic. Tarjim translates from Arabic.");
    }

    @Test
    void acceptsArabicWithEnglishNamesNumbersAndUrls() {
        assertThatCode(() -> validator.check(
                "قال John Kerry لوكالة Reuters يوم 04/12/2016 إن الموقع https://www.state.gov/news-2016 نشر البيان كاملاً، وراسلنا press@state.gov للتعليق."))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsTextWithoutLetters() {
        assertThat(rejection(() -> validator.check("2016 - 12 - 04")).reason()).isEqualTo(RejectionReason.NOT_ARABIC);
    }

    @Test
    void thresholdIsConfigurable() {
        InputValidator lenient = new InputValidator(new InputLimits(100_000, 0.0));
        assertThatCode(() -> lenient.check("Plain English")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.check("Plain English")).isInstanceOf(InputRejectedException.class);
    }

    @Test
    void shareCountsOnlyLetters() {
        ArabicShare share = ArabicShare.of("حلب 2016 abc!!");
        assertThat(share.letters()).isEqualTo(6);
        assertThat(share.arabicLetters()).isEqualTo(3);
        assertThat(share.percent()).isEqualTo(50);
    }

    /** An Arabic paragraph quoting an English post with code in it: 43% of its letters are Arabic. */
    static final String MIXED = "نشر الباحث الأمني تغريدة قال فيها: \"The bug lets anyone inject "
            + "<script>alert(document.cookie)</script> into any page, says John Smith\"، "
            + "وأكدت الشركة في بيان أنها أصلحت الخلل.";

    @Test
    void aMixedTextIsRefusedWithAWarningTheUserMayOverrule() {
        InputRejectedException e = rejection(() -> validator.check(MIXED));

        assertThat(e.reason()).isEqualTo(RejectionReason.NOT_ARABIC);
        assertThat(e.getMessage()).contains("only 43% of its letters are Arabic");
        assertThat(e.forceable()).isTrue();
        assertThatCode(() -> validator.check(MIXED, true)).doesNotThrowAnyException();
        assertThatCode(() -> validator.checkArabic(MIXED, true)).doesNotThrowAnyException();
        assertThat(rejection(() -> validator.check(MIXED, false)).forceable()).isTrue();
    }

    @Test
    void forceOverrulesOnlyTheShareOfArabicLetters() {
        for (String blank : new String[] {"", "  \n "}) {
            InputRejectedException empty = rejection(() -> validator.check(blank, true));
            assertThat(empty.reason()).isEqualTo(RejectionReason.EMPTY);
            assertThat(empty.forceable()).isFalse();
        }
        InputRejectedException letterless = rejection(() -> validator.check("2016 - 12 / 04", true));
        assertThat(letterless.reason()).isEqualTo(RejectionReason.NOT_ARABIC);
        assertThat(letterless.getMessage()).contains("no letters");
        assertThat(letterless.forceable()).isFalse();

        InputValidator small = new InputValidator(new InputLimits(100, 0.5));
        InputRejectedException tooLong = rejection(() -> small.check("Hello ".repeat(30), true));
        assertThat(tooLong.reason()).isEqualTo(RejectionReason.TOO_LONG);
        assertThat(tooLong.forceable()).isFalse();

        InputRejectedException binary = rejection(() -> validator.check("Hello\0\0world", true));
        assertThat(binary.reason()).isEqualTo(RejectionReason.NOT_TEXT);
        assertThat(binary.forceable()).isFalse();
    }
}
