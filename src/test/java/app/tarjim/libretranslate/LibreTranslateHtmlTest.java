package app.tarjim.libretranslate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code format=html} without models: a fake translator that turns every Arabic word into E1, E2, … */
class LibreTranslateHtmlTest {

    /** What the pieces looked like when they reached the translator. */
    private final List<String> seen = new ArrayList<>();

    /** Sentences end at . ! ?; in each, the n-th word becomes En if it has Arabic letters, else stays. */
    private final PieceTranslator fake = pieces -> {
        seen.addAll(pieces);
        List<List<SentencePair>> out = new ArrayList<>();
        for (String piece : pieces) {
            List<SentencePair> sentences = new ArrayList<>();
            if (piece.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC)) {
                Matcher m = Pattern.compile(".+?(?:[.!?](?=\\s|$)|$)").matcher(piece);
                while (m.find()) {
                    String sentence = m.group().strip();
                    if (!sentence.isEmpty()) {
                        sentences.add(new SentencePair(sentence, english(sentence), 0.8));
                    }
                }
            }
            out.add(sentences);
        }
        return out;
    };

    private static String english(String sentence) {
        String[] words = sentence.split("\\s+");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            boolean arabic = words[i].codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
            out.add(arabic ? "E" + (i + 1) : words[i]);
        }
        return String.join(" ", out);
    }

    /** Every element in document order, with its tag and attributes as serialised. */
    static List<String> tags(String html) {
        return Jsoup.parseBodyFragment(html).body().getAllElements().stream().skip(1)
                .map(e -> e.tagName() + e.attributes().html()).toList();
    }

    static final String MASTODON_POST = "<p>أعلنت <span class=\"h-card\" translate=\"no\"><a href=\"https://social.example/@wafa\" "
            + "class=\"u-url mention\">@<span>wafa</span></a></span> أن <a href=\"https://social.example/tags/%D8%BA%D8%B2%D8%A9\" "
            + "class=\"mention hashtag\" rel=\"tag\">#<span>غزة</span></a> تحتاج المساعدات.<br>التفاصيل في الرابط: "
            + "<a href=\"https://news.example.org/2024/article\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">"
            + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">news.example.org/2024/</span>"
            + "<span class=\"invisible\">article</span></a></p><p>شكرا لكم <b>جميعا</b></p>";

    @Test
    void mastodonPostKeepsEveryTagAndAttributeAndTranslatesTheText() {
        String out = HtmlTranslator.translateFragment(MASTODON_POST, fake);

        assertThat(tags(out)).isEqualTo(tags(MASTODON_POST));
        // translate="no" parts and Mastodon's mention and hashtag links come over byte for byte.
        Element source = Jsoup.parseBodyFragment(MASTODON_POST).body();
        for (Element kept : source.select("[translate=no], a.hashtag, a.mention")) {
            assertThat(out).contains(kept.outerHtml());
        }
        Element translated = Jsoup.parseBodyFragment(out).body();
        translated.select("[translate=no], a.hashtag, a.mention").remove();
        assertThat(translated.text()).doesNotContainPattern("[\\u0600-\\u06FF]");
        // One piece per paragraph; the mention, the hashtag and the link are not sent, and the <br> parts words
        // like a space.
        assertThat(seen).containsExactly("أعلنت  أن  تحتاج المساعدات. التفاصيل في الرابط: ", "شكرا لكم جميعا");
        assertThat(out).contains("<p>E1 E2 <b>E3</b></p>");
    }

    @Test
    void keptElementsStayApartFromTheWordsAroundThemAndTagsNeverEmptyOut() {
        assertThat(HtmlTranslator.translateFragment("<p>قال <span translate=\"no\">@x</span> شيئا</p>", fake))
                .isEqualTo("<p>E1 <span translate=\"no\">@x</span> E2</p>");
        // A one-word tag over a long sentence still holds a word.
        assertThat(HtmlTranslator.translateFragment("<p>واحد اثنان ثلاثة أربعة خمسة <a href=\"#t\">#<span>ستة</span></a> سبعة</p>", fake))
                .isEqualTo("<p>E1 E2 E3 E4 E5 <a href=\"#t\"><span>E6</span></a> E7</p>");
    }

    @Test
    void sentenceAcrossAnInlineTagKeepsTheTagAroundTheMatchingWords() {
        String out = HtmlTranslator.translateFragment("<p>بدأ <b>الاجتماع الكبير</b> اليوم. انتهى غدا</p>", fake);

        assertThat(seen).containsExactly("بدأ الاجتماع الكبير اليوم. انتهى غدا");
        assertThat(out).isEqualTo("<p>E1 <b>E2 E3</b> E4 E1 E2</p>");
    }

    @Test
    void textThatComesThroughUnchangedAnchorsItsTag() {
        String out = HtmlTranslator.translateFragment(
                "<p>اقرأ المقال الكامل على <a href=\"https://example.com/x\">example.com/x</a> الآن</p>", fake);

        assertThat(out).isEqualTo("<p>E1 E2 E3 E4 <a href=\"https://example.com/x\">example.com/x</a> E6</p>");
    }

    @Test
    void codePreAndNotranslateAreLeftAloneAndBlocksAreTranslatedApart() {
        String html = "<div><p>شغل الأمر <code>ls -la</code> الآن</p><pre>نص   عربي\n لا يترجم</pre>"
                + "<p class=\"notranslate\">لا تترجم</p><ul><li>أول</li><li>ثاني <i>ثالث</i></li></ul></div>";
        String out = HtmlTranslator.translateFragment(html, fake);

        assertThat(tags(out)).isEqualTo(tags(html));
        assertThat(out).contains("<code>ls -la</code>", "<pre>نص   عربي\n لا يترجم</pre>",
                "<p class=\"notranslate\">لا تترجم</p>", "<li>E1</li>", "<li>E1 <i>E2</i></li>");
        assertThat(seen).containsExactly("شغل الأمر  الآن", "أول", "ثاني ثالث");
    }

    @Test
    void englishIsInsertedAsTextSoItCanAddNoMarkup() {
        PieceTranslator hostile = pieces -> pieces.stream()
                .map(p -> List.of(new SentencePair(p.strip(), "<script>alert(1)</script> & <b>", 0.1))).toList();
        String out = HtmlTranslator.translateFragment("<p title=\"x&quot;y\">مرحبا</p>", hostile);

        assertThat(out).isEqualTo("<p title=\"x&quot;y\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;</p>");
        assertThat(tags(out)).isEqualTo(tags("<p title=\"x&quot;y\">مرحبا</p>"));
    }

    @Test
    void severalFragmentsGoToTheTranslatorInOneCall() {
        List<List<String>> calls = new ArrayList<>();
        PieceTranslator counting = pieces -> {
            calls.add(pieces);
            return fake.translate(pieces);
        };
        List<String> out = HtmlTranslator.translateFragments(List.of("<p>واحد</p>", "<b>اثنان</b> ثلاثة"), counting);

        assertThat(out).containsExactly("<p>E1</p>", "<b>E1</b> E2");
        assertThat(calls).containsExactly(List.of("واحد", "اثنان ثلاثة"));
    }

    @Test
    void textWithoutArabicIsReturnedAsItCame() {
        String html = "<p>Hello <a href=\"/x\">world</a></p>";
        assertThat(HtmlTranslator.translateFragment(html, fake)).isEqualTo(html);
    }
}
