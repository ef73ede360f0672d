package app.tarjim.article;

import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.summarize.SummaryLength;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two browser tabs (owners) translating at once on the shared models: both finish, neither is mixed up. */
@SpringBootTest
class ConcurrentTranslationsTest {

    @Autowired
    ArticleTranslationJobs jobs;
    @Autowired
    ArticleService articles;

    @Test
    void twoArticlesAtOnceBothFinishWithTheirOwnSentences() throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        String shortOne = "المعارضة ترفض الضغوط الأميركية الروسية في حلب.\n\nالولايات المتحدة انضمت إلى روسيا.";
        CountDownLatch finished = new CountDownLatch(2);
        TranslationJob.Watcher countDown = new TranslationJob.Watcher() {
            @Override
            public void onFinished(StoredArticle article) {
                finished.countDown();
            }
        };
        TranslationJob first = jobs.start("tab-one", new PipelineRequest(seed, SummaryLength.SHORT, null, null));
        TranslationJob second = jobs.start("tab-two", new PipelineRequest(shortOne, SummaryLength.SHORT, null, null));
        first.subscribe(countDown);
        second.subscribe(countDown);

        assertThat(finished.await(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)).isTrue();
        StoredArticle a = articles.find(first.articleId()).orElseThrow();
        StoredArticle b = articles.find(second.articleId()).orElseThrow();
        assertThat(List.of(a.status(), b.status())).containsOnly(ArticleStatus.DONE);
        assertThat(b.sentences()).hasSize(2);
        assertThat(b.sentences().get(0).source()).isEqualTo("المعارضة ترفض الضغوط الأميركية الروسية في حلب.");
        assertThat(a.sentences().get(0).source()).isEqualTo("المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب");
        assertThat(articles.recent("tab-one", 10)).extracting(ArticleListing::id).containsExactly(a.id());
        assertThat(articles.recent("tab-two", 10)).extracting(ArticleListing::id).containsExactly(b.id());
    }

    @Test
    void cancellingOneLeavesTheOtherRunning() throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seed/aleppo-2016-12-04.ar.txt"));
        TranslationJob cancelled = jobs.start("tab-three", new PipelineRequest(seed, SummaryLength.MEDIUM, null, null));
        TranslationJob kept = jobs.start("tab-four", new PipelineRequest(seed, SummaryLength.NONE, null, null));
        cancelled.cancel();
        UUID keptId = kept.articleId();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline
                && !(articles.find(keptId).orElseThrow().status().isFinal()
                && articles.find(cancelled.articleId()).orElseThrow().status().isFinal())) {
            Thread.sleep(50);
        }
        assertThat(articles.find(cancelled.articleId()).orElseThrow().status()).isEqualTo(ArticleStatus.CANCELLED);
        StoredArticle done = articles.find(keptId).orElseThrow();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.summary()).isEmpty();
    }
}
