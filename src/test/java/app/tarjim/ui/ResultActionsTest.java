package app.tarjim.ui;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ModelsUsed;
import app.tarjim.article.StoredArticle;
import app.tarjim.pipeline.models.ModelResolution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResultActionsTest {

    @Test
    void copiedDemoOutputCarriesTheNoticeAsTheDownloadsDo() {
        assertThat(ResultActions.withNotice(article(true), "Aleppo under siege."))
                .isEqualTo("[" + ModelResolution.DEMO_NOTICE + "]\n\nAleppo under siege.");
        assertThat(ResultActions.withNotice(article(false), "Aleppo under siege.")).isEqualTo("Aleppo under siege.");
    }

    private static StoredArticle article(boolean demo) {
        Instant now = Instant.now();
        return new StoredArticle(UUID.randomUUID(), "owner", "حلب", "حلب", List.of(), "Aleppo under siege.", null,
                "MEDIUM", new ModelsUsed(null, null), demo, ArticleStatus.DONE, null, now, now);
    }
}
