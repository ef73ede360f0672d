package app.tarjim.article;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static app.tarjim.article.ArticleFixtures.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every supported database must do; run against H2 always and PostgreSQL when one is reachable. */
abstract class ArticleStorageRoundTrip {

    @Autowired
    ArticleService articles;
    @Autowired
    ShareService shares;
    @Autowired
    ArticleLeases leases;
    @Autowired
    SentenceEdits edits;
    @Autowired
    UserGlossaries glossaries;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsRanCompletely() {
        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE",
                String.class)).contains("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article", Integer.class)).isZero();
    }

    @Test
    void theOptionsToRunAnArticleAgainComeBackAsStored() {
        app.tarjim.pipeline.PipelineRequest asked = new app.tarjim.pipeline.PipelineRequest(ArticleFixtures.SOURCE,
                app.tarjim.pipeline.summarize.SummaryLength.SHORT, app.tarjim.pipeline.models.TranslationPreset.QUALITY,
                new app.tarjim.pipeline.glossary.Glossary(java.util.List.of(
                        new app.tarjim.pipeline.glossary.GlossaryEntry("حلب", "Aleppo"))),
                false, app.tarjim.pipeline.models.TranslationPreset.QUALITY);
        UUID id = articles.create(ArticleFixtures.draft(OWNER), StoredRequests.optionsOf(asked));

        app.tarjim.pipeline.PipelineRequest again = articles.request(id)
                .flatMap(StoredRequests::toPipelineRequest).orElseThrow();
        assertThat(again.preset()).isEqualTo(app.tarjim.pipeline.models.TranslationPreset.QUALITY);
        assertThat(again.summaryModel()).isEqualTo(app.tarjim.pipeline.models.TranslationPreset.QUALITY);
        assertThat(again.glossary().entries()).extracting(app.tarjim.pipeline.glossary.GlossaryEntry::english)
                .containsExactly("Aleppo");
        articles.delete(OWNER, id);
    }

    @Test
    void storesAnArticleThroughItsLifeAndSharesIt() {
        Instant created = clock.instant(); // the clock is shared by the tests, which move it on
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        StoredArticle queued = articles.find(id).orElseThrow();
        assertThat(queued.status()).isEqualTo(ArticleStatus.QUEUED);
        assertThat(queued.title()).isEqualTo("حلب تحت الحصار");
        assertThat(queued.sourceText()).isEqualTo(ArticleFixtures.SOURCE);
        assertThat(queued.createdAt()).isEqualTo(created);

        clock.advance(Duration.ofSeconds(5));
        assertThat(articles.markRunning(id)).isTrue();
        clock.advance(Duration.ofSeconds(30));
        ArticleResult result = ArticleFixtures.result("Fighting intensified in Aleppo.");
        assertThat(articles.complete(id, result)).isTrue();

        StoredArticle done = articles.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(done.sentences()).containsExactlyElementsOf(result.sentences());
        assertThat(done.translationText()).isEqualTo(result.translationText());
        assertThat(done.summary()).contains("Fighting intensified in Aleppo.");
        assertThat(articles.recent(OWNER, 1)).singleElement()
                .extracting(ArticleListing::sentenceCount).isEqualTo(result.sentences().size());
        assertThat(done.summaryLength()).isEqualTo("SHORT");
        assertThat(done.models()).isEqualTo(new ModelsUsed("opus-mt-ar-en", "distilbart-cnn"));
        assertThat(done.createdAt()).isEqualTo(created);
        assertThat(done.updatedAt()).isEqualTo(created.plusSeconds(35));

        ShareLink link = shares.create(id, OWNER, Optional.of(Duration.ofDays(7)));
        assertThat(shares.resolve(link.token())).hasValueSatisfying(shared -> {
            assertThat(shared.article()).isEqualTo(done);
            assertThat(shared.link()).isEqualTo(link);
        });

        ShareLink named = shares.create(id, OWNER, Optional.empty(), Optional.of("Layla"));
        assertThat(shares.resolve(named.token()).orElseThrow().link().sharedBy()).isEqualTo("Layla");
        assertThat(articles.recentOfOthers("user:admin", 5)).singleElement().satisfies(listing -> {
            assertThat(listing.owner()).isEqualTo(OWNER);
            assertThat(listing.id()).isEqualTo(id);
            assertThat(listing.sentenceCount()).isEqualTo(result.sentences().size());
        });
        assertThat(articles.recentOfOthers(OWNER, 5)).isEmpty();

        assertThat(shares.revoke(OWNER, link.token())).isTrue();
        assertThat(shares.resolve(link.token())).isEmpty();

        assertThat(articles.delete(OWNER, id)).isTrue();
        assertThat(articles.find(id)).isEmpty();
        assertThat(shares.links(OWNER, id)).isEmpty();
    }

    @Test
    void editsKeepTheMachineTextRefuseStaleVersionsUndoInOrderAndGoWithTheArticle() {
        UUID id = articles.create(ArticleFixtures.draft(OWNER));
        articles.complete(id, new ArticleResult(List.of(
                new StoredSentence(0, 0, "حلب تحت الحصار", "Aleppo under siege", 0.93, false),
                new StoredSentence(1, 1, "وأضافوا أن المدنيين يغادرون.", "They added civilians leave.", 0.42, true)),
                "Aleppo under siege\n\nThey added civilians leave.", "A summary.", ModelsUsed.NONE, false));
        Instant editedAt = clock.instant();

        StoredSentence first = edits.edit(id, OWNER, 1, "They added that civilians are leaving.", 0, null);
        assertThat(first.revision()).isEqualTo(1);
        assertThatThrownBy(() -> edits.edit(id, OWNER, 1, "A stale tab's text.", 0, null))
                .isInstanceOf(StaleEditException.class).hasMessageContaining("civilians are leaving");
        edits.edit(id, OWNER, 1, "Civilians are leaving, they added.", 1, "someone");

        StoredArticle edited = articles.find(id).orElseThrow();
        StoredSentence stored = edited.sentence(1).orElseThrow();
        assertThat(stored.target()).isEqualTo("Civilians are leaving, they added.");
        assertThat(stored.machineTarget()).isEqualTo("They added civilians leave.");
        assertThat(stored.flagged()).isFalse();
        assertThat(stored.editedAt()).isEqualTo(editedAt);
        assertThat(stored.editedBy()).isEqualTo("someone");
        assertThat(edited.translationText()).isEqualTo("Aleppo under siege\n\nCivilians are leaving, they added.");
        assertThat(edited.machineTranslation()).isEqualTo("Aleppo under siege\n\nThey added civilians leave.");
        assertThat(edited.summaryCurrent()).isFalse();

        assertThat(edits.undo(id, OWNER, 1, 2).target()).isEqualTo("They added that civilians are leaving.");
        StoredSentence machine = edits.undo(id, OWNER, 1, null);
        assertThat(machine.target()).isEqualTo("They added civilians leave.");
        assertThat(machine.edited()).isFalse();
        assertThat(machine.flagged()).isTrue();
        assertThatThrownBy(() -> edits.undo(id, OWNER, 1, null)).isInstanceOf(EditRejectedException.class);

        edits.edit(id, OWNER, 0, "Aleppo besieged", null, null);
        assertThat(articles.delete(OWNER, id)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sentence_edit", Integer.class)).isZero();
    }

    @Test
    void glossaryTermsAreAddedChangedAndRemovedAsCsv() {
        glossaries.put(OWNER, new app.tarjim.pipeline.glossary.GlossaryEntry("حلب", "Halab"));
        glossaries.put(OWNER, new app.tarjim.pipeline.glossary.GlossaryEntry("دمشق", "Damascus"));
        glossaries.put(OWNER, new app.tarjim.pipeline.glossary.GlossaryEntry("حلب", "Aleppo, \"the city\""));
        assertThat(glossaries.text(OWNER)).contains("arabic,english\nحلب,\"Aleppo, \"\"the city\"\"\"\nدمشق,Damascus\n");
        assertThat(glossaries.terms(OWNER).entries()).extracting(e -> e.english())
                .containsExactly("Aleppo, \"the city\"", "Damascus");
        assertThat(glossaries.remove(OWNER, "حلب")).isTrue();
        assertThat(glossaries.remove(OWNER, "حلب")).isFalse();
        assertThat(glossaries.remove(OWNER, "دمشق")).isTrue();
        assertThat(glossaries.text(OWNER)).isEmpty();
    }

    @Test
    void onlyUnfinishedArticlesWhoseHeartbeatLapsedAreTakenOverAndOnlyOnce() {
        Duration lease = Duration.ofSeconds(30);
        Instant created = clock.instant();
        UUID alive = articles.create(ArticleFixtures.draft(OWNER));
        UUID abandoned = articles.create(ArticleFixtures.draft(OWNER));
        UUID finished = articles.create(ArticleFixtures.draft(OWNER));
        try {
            takeOver(lease, created, alive, abandoned, finished);
        } finally {
            // This class's tests are not rolled back on every database: leave nothing for the next one.
            List.of(alive, abandoned, finished).forEach(id -> articles.delete(OWNER, id));
        }
    }

    private void takeOver(Duration lease, Instant created, UUID alive, UUID abandoned, UUID finished) {
        assertThat(articles.markRunning(abandoned)).isTrue();
        assertThat(articles.complete(finished, ArticleFixtures.result(null))).isTrue();

        clock.advance(Duration.ofSeconds(20));
        leases.beat(List.of(alive, finished));
        clock.advance(Duration.ofSeconds(20));
        assertThat(leases.abandoned(lease)).containsExactly(abandoned);

        assertThat(leases.claim(abandoned, lease)).isTrue();
        assertThat(leases.claim(abandoned, lease)).as("a second sweeper loses").isFalse();
        assertThat(leases.claim(finished, lease)).isFalse();
        assertThat(leases.abandoned(lease)).isEmpty();
        StoredArticle claimed = articles.find(abandoned).orElseThrow();
        assertThat(claimed.status()).isEqualTo(ArticleStatus.QUEUED);
        assertThat(claimed.updatedAt()).isEqualTo(created.plusSeconds(40));
        assertThat(articles.markRunning(abandoned)).as("the version moved on, the row is still usable").isTrue();

        leases.release(List.of(alive));
        assertThat(leases.abandoned(lease)).containsExactly(alive);

        assertThat(articles.cancel(alive)).isTrue();
        assertThat(leases.cancelledAmong(List.of(alive, abandoned, finished))).containsExactly(alive);
        assertThat(articles.find(finished).orElseThrow().status()).isEqualTo(ArticleStatus.DONE);
    }
}
