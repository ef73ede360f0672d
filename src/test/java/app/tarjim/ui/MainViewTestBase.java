package app.tarjim.ui;

import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.in.UrlArticleFetcher;
import app.tarjim.pipeline.ModelService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

/**
 * The translate page with the app's real services, rendered by Karibu-Testing: each test gets a fresh
 * {@link #view} in a mocked UI. Subclasses carry {@code @SpringBootTest} with their own properties.
 */
abstract class MainViewTestBase {

    @Autowired
    ArticleTranslationJobs jobs;
    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    ModelService models;
    @Autowired
    UrlArticleFetcher fetcher;
    @Autowired
    ShareAddress shareAddress;
    @Autowired
    BrowserGlossaries glossaries;
    @Autowired
    ArticleEditing editing;

    MainView view;

    @BeforeEach
    void setUpView() {
        MockVaadin.setup();
        view = newView(fetcher);
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDownView() {
        MockVaadin.tearDown();
    }

    /** A page on the app's services with another fetcher (pages served by the test). */
    MainView newView(UrlArticleFetcher pages) {
        return new MainView(jobs, articles, shares, models, pages, shareAddress, glossaries, editing);
    }

    /** This browser's newest article once it is final and no job runs for it (the page has caught up). */
    StoredArticle awaitFinished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        UUID id = null;
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            if (id == null) {
                id = articles.recent(BrowserOwner.current(), 1).stream().findFirst().map(a -> a.id()).orElse(null);
            }
            if (id != null) {
                StoredArticle article = articles.find(id).orElseThrow();
                if (article.status().isFinal() && jobs.running(id).isEmpty()) {
                    Thread.sleep(100);
                    MockVaadin.clientRoundtrip();
                    return article;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The article did not finish in time");
    }
}
