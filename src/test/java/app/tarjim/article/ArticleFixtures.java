package app.tarjim.article;

import java.util.List;

/** Articles as the pipeline would hand them over. */
public final class ArticleFixtures {

    public static final String OWNER = "browser-7f3a";
    public static final String SOURCE = """
            حلب تحت الحصار
            
            قال مسؤولون إن القتال اشتد في المدينة. وأضافوا أن المدنيين يغادرون.
            
            وتستمر المفاوضات في جنيف.""";

    private ArticleFixtures() {
    }

    public static ArticleDraft draft(String owner) {
        return new ArticleDraft(owner, SOURCE, "SHORT");
    }

    public static ArticleResult result(String summary) {
        return new ArticleResult(List.of(
                // Out of order on purpose: results arrive as sentences finish.
                new StoredSentence(1, 1, "وأضافوا أن المدنيين يغادرون.", "They added that civilians are leaving.", 0.42, true),
                new StoredSentence(0, 0, "حلب تحت الحصار", "Aleppo under siege", 0.93, false),
                new StoredSentence(1, 0, "قال مسؤولون إن القتال اشتد في المدينة.", "Officials said fighting intensified in the city.", 0.88, false),
                new StoredSentence(2, 0, "وتستمر المفاوضات في جنيف.", "Negotiations continue in Geneva.", 0.9, false)),
                "Aleppo under siege\n\nOfficials said fighting intensified in the city. They added that civilians are leaving.\n\nNegotiations continue in Geneva.",
                summary, new ModelsUsed("opus-mt-ar-en", "distilbart-cnn"), false);
    }
}
