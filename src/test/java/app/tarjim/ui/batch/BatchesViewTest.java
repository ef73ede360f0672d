package app.tarjim.ui.batch;

import app.tarjim.batch.BatchExporter;
import app.tarjim.batch.BatchInputParser;
import app.tarjim.batch.BatchJobView;
import app.tarjim.batch.BatchModels;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.batch.BatchProperties;
import app.tarjim.batch.BatchService;
import app.tarjim.batch.BatchTestSlice;
import app.tarjim.batch.BatchTestSlice.Worker;
import app.tarjim.batch.SummaryOption;
import app.tarjim.pipeline.ModelService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The Batches page with real batch services on H2; items are processed by a worker the test drives. */
@BatchTestSlice
class BatchesViewTest {

    private static final String CSV = "id,title,text\nn1,One,نص أول.\nn2,\"Bad \"quote\"\",نص\nn3,Three,نص ثالث.\n";

    @Autowired
    BatchService batches;
    @Autowired
    BatchInputParser parser;
    @Autowired
    BatchExporter exporter;
    @Autowired
    BatchProperties properties;
    @Autowired
    Worker worker;
    /** This slice has no model registry: the banner cannot resolve the models and stays hidden. */
    private final ModelService models = new ModelService(() -> {
        throw new IllegalStateException("no model registry in the batch test slice");
    });

    private BatchesView view;

    @BeforeEach
    void setUp() {
        worker.clearQueue();
        MockVaadin.setup();
        view = new BatchesView(batches, parser, exporter, properties, models);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void anUploadedFileBecomesAJobWhoseProgressTheListShows() {
        view.accept("news.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(view.message.getText()).isEqualTo("Queued 2 articles from news.csv; 1 part was skipped (see below).");
        BatchJobCard card = onlyCard();
        assertThat(card.status.getText()).isEqualTo("Queued");
        assertThat(card.counts.getText()).startsWith("0/2 done");
        assertThat(card.getElement().getTextRecursively()).contains("news.csv line 3: malformed CSV record");

        worker.processAll();
        view.refresh();

        card = onlyCard();
        assertThat(card.status.getText()).isEqualTo("Finished");
        assertThat(card.counts.getText()).isEqualTo("2/2 done");
        assertThat(card.bar.getValue()).isEqualTo(1.0);
        assertThat(card.cancel.isEnabled()).isFalse();
        assertThat(_find(card.downloads, Anchor.class)).extracting(Anchor::getText)
                .containsExactly("CSV", "JSONL", "MD", "DOCX", "PDF");
    }

    @Test
    void cancelAndRetryFromTheList() {
        view.accept("news.csv", CSV.getBytes(StandardCharsets.UTF_8));

        onlyCard().cancel.click();

        assertThat(onlyCard().status.getText()).isEqualTo("Cancelled");
        assertThat(onlyCard().counts.getText()).contains("2 cancelled");
        assertThat(onlyCard().retry.isEnabled()).isTrue();

        onlyCard().retry.click();

        assertThat(view.message.getText()).isEqualTo("Queued 2 articles of news.csv again.");
        assertThat(onlyCard().status.getText()).isEqualTo("Queued");
    }

    @Test
    void aFileThatCannotBeReadIsExplained() {
        view.accept("notes.csv", "name,body\nx,y\n".getBytes(StandardCharsets.UTF_8));

        assertThat(view.message.getText()).contains("needs a header row with the columns id, title, text");
        assertThat(view.message.getClassNames()).contains("error");
        assertThat(_find(view.jobs, BatchJobCard.class)).isEmpty();
    }

    @Test
    void aBrowserListsItsOwnBatchesAndTheSharedOlderOnesButNotAnotherBrowsers() {
        batches.submit(parser.parse(CSV.getBytes(StandardCharsets.UTF_8), "other.csv",
                BatchesView.ownerFor("another-browser-id-0123456789"), null, SummaryOption.NONE));
        batches.submit(parser.parse(CSV.getBytes(StandardCharsets.UTF_8), "older.csv", BatchesView.SHARED_OWNER,
                null, SummaryOption.NONE));
        view.accept("mine.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(_find(view.jobs, BatchJobCard.class)).extracting(c -> c.getElement().getTextRecursively())
                .anySatisfy(text -> assertThat(text).contains("mine.csv"))
                .anySatisfy(text -> assertThat(text).contains("older.csv"))
                .noneSatisfy(text -> assertThat(text).contains("other.csv"))
                .hasSize(2);
    }

    @Test
    void theModelsChosenOnThePageAreKeptWithTheJobAndShownOnItsCard() {
        assertThat(view.preset.getValue()).isEqualTo(TranslationPreset.FAST);
        assertThat(view.force.getValue()).isFalse();
        view.preset.setValue(TranslationPreset.QUALITY);
        view.summaryModel.setValue(TranslationPreset.QUALITY);
        view.force.setValue(true);

        view.accept("news.csv", CSV.getBytes(StandardCharsets.UTF_8));

        BatchJobView job = batches.recent(List.of(BatchesView.ownerFor(app.tarjim.ui.BrowserOwner.current())), 1)
                .get(0);
        assertThat(job.models()).isEqualTo(new BatchModels(TranslationPreset.QUALITY, TranslationPreset.QUALITY, true));
        assertThat(onlyCard().getElement().getTextRecursively()).contains(
                "Translation: quality · Summaries: quality (distilbart-cnn-12-6, slower) · Few Arabic letters: "
                        + "translated anyway");
    }

    @Test
    void aQualityJobsCardSaysWhenTheFastModelStandsInAndAFastJobsDoesNot() {
        view.preset.setValue(TranslationPreset.QUALITY);
        view.accept("quality.csv", CSV.getBytes(StandardCharsets.UTF_8));
        view.preset.setValue(TranslationPreset.FAST);
        view.accept("fast.csv", CSV.getBytes(StandardCharsets.UTF_8));
        String reason = "The quality translation model is unavailable (offline); the fast model is used instead.";
        List<BatchJobView> both = batches.recent(List.of(BatchesView.ownerFor(app.tarjim.ui.BrowserOwner.current())), 2);
        assertThat(both).extracting(j -> j.models().preset())
                .containsExactlyInAnyOrder(TranslationPreset.QUALITY, TranslationPreset.FAST);
        for (BatchJobView job : both) {
            BatchJobCard card = new BatchJobCard(job, List.of(), exporter, j -> { }, j -> { },
                    java.util.Optional.of(reason));
            if (job.models().preset() == TranslationPreset.QUALITY) {
                assertThat(card.getElement().getTextRecursively()).contains(reason);
            } else {
                assertThat(card.getElement().getTextRecursively()).doesNotContain("unavailable");
            }
            assertThat(new BatchJobCard(job, List.of(), exporter, j -> { }, j -> { }, java.util.Optional.empty())
                    .getElement().getTextRecursively()).doesNotContain("unavailable");
        }
    }

    @Test
    void aJobWithTheDefaultModelsSaysNothingAboutThem() {
        view.accept("news.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(onlyCard().getElement().getTextRecursively()).doesNotContain("Translation:");
    }

    private BatchJobCard onlyCard() {
        List<BatchJobCard> cards = _find(view.jobs, BatchJobCard.class);
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }
}
