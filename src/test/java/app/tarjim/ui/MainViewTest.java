package app.tarjim.ui;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.in.LocalPages;
import app.tarjim.document.in.UrlArticleFetcher;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** View logic with the real services and the demo models, rendered by Karibu-Testing (no browser). */
@SpringBootTest
class MainViewTest extends MainViewTestBase {

    @Test
    void emptyInputIsRefusedWithAMessage() {
        view.translate.click();
        assertThat(view.inputError.getText()).contains("empty");
        assertThat(view.reading.rows()).isEmpty();
    }

    @Test
    void englishTextIsRefusedAndKeptInTheTextArea() {
        String english = "This is an English paragraph about the weather in Aleppo.";
        view.input.setValue(english);
        view.translate.click();
        assertThat(view.inputError.getText()).contains("not Arabic").contains("%");
        assertThat(view.input.getValue()).isEqualTo(english);
    }

    @Test
    void theWarningAboutAMixedTextOffersTranslateAnywayWhichTranslatesIt() throws Exception {
        String quote = "\"The bug lets anyone inject <script>alert(document.cookie)</script> into any page, says John Smith\"";
        String mixed = "نشر الباحث الأمني تغريدة قال فيها: " + quote + "، وأكدت الشركة في بيان أنها أصلحت الخلل.";
        view.input.setValue(mixed);
        view.summaryLength.setValue(app.tarjim.pipeline.summarize.SummaryLength.NONE);
        assertThat(view.translateAnyway.isVisible()).isFalse();

        view.translate.click();
        assertThat(view.inputError.getText()).contains("only 43% of its letters are Arabic");
        assertThat(view.translateAnyway.isVisible()).isTrue();
        assertThat(view.translateAnyway.getText()).isEqualTo("Translate anyway");
        assertThat(view.reading.rows()).isEmpty();

        view.translateAnyway.click();
        assertThat(view.inputError.getText()).isEmpty();
        assertThat(view.translateAnyway.isVisible()).isFalse();
        StoredArticle done = awaitFinished();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.translationText()).contains(quote);
        assertThat(view.reading.rows().get(0).getElement().getTextRecursively()).contains(quote);
    }

    @Test
    void translateAnywayIsOfferedOnlyForTheLanguageWarningAndGoesWhenTheTextChanges() {
        view.translate.click();
        assertThat(view.inputError.getText()).contains("empty");
        assertThat(view.translateAnyway.isVisible()).isFalse();

        view.input.setValue("2016 - 12");
        view.translate.click();
        assertThat(view.inputError.getText()).contains("no letters");
        assertThat(view.translateAnyway.isVisible()).isFalse();

        view.input.setValue("This is an English paragraph about the weather in Aleppo.");
        view.translate.click();
        assertThat(view.translateAnyway.isVisible()).isTrue();
        view.input.setValue("المعارضة ترفض الضغوط");
        assertThat(view.translateAnyway.isVisible()).isFalse();
    }

    @Test
    void malformedGlossaryIsReportedBeforeAnyWork() {
        view.input.setValue("المعارضة ترفض الضغوط");
        view.glossary.box.setValue("\"unclosed,quote");
        view.translate.click();
        assertThat(view.inputError.getText()).startsWith("Glossary:");
    }

    @Test
    void translatesTheSeedArticleSideBySideWithSummaryShareAndHistory() throws Exception {
        String article = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        view.input.setValue(article);
        view.translate.click();
        assertThat(view.inputError.getText()).isEmpty();

        StoredArticle done = awaitFinished();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.sentences()).hasSizeGreaterThan(10);

        // One row per paragraph, each holding sentence N on both sides.
        long paragraphs = done.sentences().stream().mapToInt(s -> s.paragraphIndex()).distinct().count();
        assertThat(view.reading.rows()).hasSize((int) paragraphs);
        assertThat(view.reading.rows().get(0).getElement().getTextRecursively())
                .contains("المعارضة ترفض الضغوط الأميركية الروسية");
        for (var s : done.sentences()) {
            var pair = view.reading.pair(s.sentenceIndex()).orElseThrow();
            assertThat(pair.source().getParent().flatMap(c -> c.getParent()))
                    .isEqualTo(pair.target().getParent().flatMap(c -> c.getParent()));
            assertThat(pair.target().getText()).isEqualTo(s.target()).isNotEqualTo("…");
            assertThat(pair.marker().isPresent()).isEqualTo(s.flagged());
        }
        assertThat(view.result.isVisible()).isTrue();
        assertThat(view.result.summary.getText()).isEqualTo(done.summary().orElseThrow());
        assertThat(view.demoBanner.isVisible()).isEqualTo(done.demo());
        assertThat(view.history.getElement().getTextRecursively()).contains(done.title());

        view.result.share.click();
        assertThat(view.result.link()).isPresent();
        String token = view.result.link().get().token();
        assertThat(shares.resolve(token)).isPresent();
        // Thirty days unless another expiry is chosen; the address is absolute (from this request's base).
        assertThat(view.result.link().get().expiresAt())
                .isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(29)),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(31)));
        assertThat(view.result.shareUrl.getValue()).matches("https?://[^/]+/s/" + token);
        assertThat(view.result.shareUrl.getLabel()).isNotBlank();
        assertThat(view.result.copyLink.isVisible()).isTrue();
        view.result.revoke.click();
        assertThat(shares.resolve(token)).isEmpty();

        view.result.expiry.setValue(ResultActions.LinkExpiry.WEEK);
        view.result.share.click();
        assertThat(view.result.link().orElseThrow().expiresAt())
                .isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(6)),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(8)));
    }

    @Test
    void deletingTheArticleOnScreenAsksFirstThenClearsThePage() throws Exception {
        view.input.setValue("المعارضة ترفض الضغوط الأميركية الروسية.\n\nوتؤكد بقاءها في حلب.");
        view.translate.click();
        StoredArticle done = awaitFinished();
        assertThat(view.reading.rows()).hasSize(2);
        assertThat(view.history.getElement().getTextRecursively())
                .containsPattern("\\d{2}:\\d{2}:\\d{2} · " + done.sentences().size() + " sentences");

        deleteButton().click();
        ConfirmDialogKt._fireCancel(view.history.confirm);
        assertThat(articles.find(done.id())).isPresent();
        assertThat(view.reading.rows()).hasSize(2);

        deleteButton().click();
        assertThat(ConfirmDialogKt._getText(view.history.confirm)).contains("share links to it will stop working");
        ConfirmDialogKt._fireConfirm(view.history.confirm);

        assertThat(articles.find(done.id())).isEmpty();
        assertThat(view.reading.rows()).isEmpty();
        assertThat(view.reading.isVisible()).isFalse();
        assertThat(view.result.isVisible()).isFalse();
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.status.getText()).contains("deleted");
        assertThat(view.history.getElement().getTextRecursively()).doesNotContain(done.title());
    }

    private com.vaadin.flow.component.button.Button deleteButton() {
        return LocatorJ._get(view.history, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("Delete"));
    }

    @Test
    void theGlossaryIsKeptForThisBrowserAndTakesCsvFiles() {
        String typed = "زكريا ملاحفجي,Zakaria Malahefji";
        LocatorJ._setValue(view.glossary.box, typed);

        MainView reloaded = showViewWith(fetcher);
        assertThat(reloaded.glossary.box.getValue()).isEqualTo(typed);
        assertThat(new String(DownloadKt._download(reloaded.glossary.download), StandardCharsets.UTF_8))
                .isEqualTo(typed);

        UploadKt._upload(reloaded.glossary.upload, "terms.csv", "text/csv",
                "\uFEFFarabic,english\nحلب,Aleppo\nجنيف,Geneva\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(reloaded.glossary.message.getText()).isEqualTo("Loaded 2 terms from terms.csv.");
        assertThat(reloaded.glossary.glossary().entries()).hasSize(2);

        UploadKt._upload(reloaded.glossary.upload, "broken.csv", "text/csv",
                "حلب,Aleppo,extra\n".getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(reloaded.glossary.message.getText()).startsWith("broken.csv: Glossary line 1 has 3 fields");
        assertThat(showViewWith(fetcher).glossary.box.getValue()).isEqualTo("arabic,english\nحلب,Aleppo\nجنيف,Geneva\n");

        LocatorJ._setValue(showViewWith(fetcher).glossary.box, "");
        assertThat(glossaries.find(BrowserOwner.current())).isEmpty();
    }

    @Test
    void uploadedFileFillsTheTextAreaAndABrokenOneKeepsWhatWasTyped() {
        view.loadFile("article.html", "text/html",
                "<html><body><article><h1>عنوان</h1><p>نص الخبر.</p></article></body></html>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(view.input.getValue()).contains("نص الخبر.");
        assertThat(view.inputError.getText()).isEmpty();

        view.input.setValue("نص كتبه المستخدم");
        view.loadFile("scan.pdf", "application/pdf", "this is not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(view.inputError.getText()).contains("scan.pdf");
        assertThat(view.input.getValue()).isEqualTo("نص كتبه المستخدم");
    }

    @Test
    void fetchingALocalAddressIsRefusedWithAMessageNamingTheSetting() throws Exception {
        view.url.setValue("http://127.0.0.1:9/article");
        view.fetch.click();
        awaitFetched(view);
        assertThat(view.inputError.getText()).contains("local or private").contains("tarjim.fetch.allow-private-addresses");
        assertThat(view.fetchStatus.getText()).isEmpty();
    }

    @Test
    void fetchRunsInTheBackgroundAndCanBeCancelled() throws Exception {
        try (LocalPages pages = new LocalPages();
             UrlArticleFetcher local = new UrlArticleFetcher(100_000, Duration.ofSeconds(20), true)) {
            MainView fetching = showViewWith(local);
            fetching.input.setValue("نص كتبه المستخدم");
            fetching.url.setValue(pages.url("/drip"));

            long started = System.nanoTime();
            fetching.fetch.click();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(fetching.fetchStatus.getText()).isEqualTo("Fetching " + pages.url("/drip") + "…");
            assertThat(fetching.fetch.isEnabled()).isFalse();
            assertThat(fetching.cancelFetch.isVisible()).isTrue();

            Thread.sleep(700); // the page is dripping in
            fetching.cancelFetch.click();
            awaitFetched(fetching);

            assertThat(fetching.fetchStatus.getText()).isEqualTo("Fetch cancelled.");
            assertThat(fetching.inputError.getText()).isEmpty();
            assertThat(fetching.cancelFetch.isVisible()).isFalse();
            assertThat(fetching.input.getValue()).isEqualTo("نص كتبه المستخدم");
            assertThat(pages.dripAbandoned).succeedsWithin(Duration.ofSeconds(3)); // the request was aborted
        }
    }

    @Test
    void aFailedFetchClearsTheEarlierFetchedLineAndNeverSaysNull() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LocalPages pages = new LocalPages();
             UrlArticleFetcher local = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true)) {
            MainView fetching = showViewWith(local);
            fetching.url.setValue(pages.url("/article"));
            fetching.fetch.click();
            awaitFetched(fetching);
            assertThat(fetching.input.getValue()).contains("نص الخبر الأول.");
            assertThat(fetching.fetchStatus.getText()).isEqualTo("Fetched the article from " + pages.url("/article") + ".");

            fetching.url.setValue("http://127.0.0.1:" + closedPort + "/article");
            fetching.fetch.click();
            awaitFetched(fetching);
            assertThat(fetching.fetchStatus.getText()).isEmpty();
            assertThat(fetching.inputError.getText()).isEqualTo("The server at 127.0.0.1:" + closedPort
                    + " refused the connection.");
        }
    }

    private MainView showViewWith(UrlArticleFetcher local) {
        UI.getCurrent().removeAll();
        MainView fetching = newView(local);
        UI.getCurrent().add(fetching);
        return fetching;
    }

    /** Runs the UI's pending access() calls until the fetch has answered. */
    private static void awaitFetched(MainView fetching) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            if (fetching.fetch.isEnabled()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The fetch did not answer in time");
    }
}
