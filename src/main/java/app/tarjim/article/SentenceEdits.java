package app.tarjim.article;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * People's edits to finished translations, one sentence at a time. The machine output stays next to the edit,
 * every edit is kept in {@code sentence_edit} so the last one can be undone, and the article's translation text
 * follows. An edit or undo may name the sentence revision it was made against: when the sentence moved on since
 * (another tab saved first), it is refused with {@link StaleEditException} instead of overwriting silently.
 */
@Service
public class SentenceEdits {

    /** Longest sentence a person may write; far above any real sentence, small enough to keep rows sane. */
    public static final int MAX_CHARS = 5_000;
    private static final int MAX_ATTEMPTS = 5;

    private final ArticleRepository articles;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SentenceEdits(ArticleRepository articles, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Replaces sentence {@code index} of the owner's article with {@code text}.
     *
     * @param expectedRevision the revision the editor saw, or null to edit whatever is there
     * @param editor           who edits, once sign-in exists; null for anonymous edits
     * @return the sentence as now stored (unchanged when the text was already that)
     */
    public StoredSentence edit(UUID articleId, String owner, int index, String text, Integer expectedRevision,
                               String editor) {
        String target = checkedText(text);
        return retrying(() -> {
            ArticleRow row = editable(articleId, owner);
            ArticleSentenceRow sentence = sentenceOf(row, index, expectedRevision);
            if (sentence.targetText().equals(target)) {
                return sentence.toStored();
            }
            Instant now = clock.instant();
            ArticleSentenceRow changed = sentence.withText(target, now, editor);
            articles.save(row.withSentence(changed, now));
            jdbc.sql("""
                    INSERT INTO sentence_edit (article_id, sentence_index, revision, before_text, after_text, edited_at,
                                               edited_by)
                    VALUES (:article, :index, :revision, :before, :after, :at, :by)""")
                    .param("article", articleId).param("index", index).param("revision", changed.revision())
                    .param("before", sentence.targetText()).param("after", target)
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", editor)
                    .update();
            return changed.toStored();
        });
    }

    /**
     * Undoes the newest edit of sentence {@code index}: the edit before it, or the machine output, comes back.
     *
     * @throws EditRejectedException when the sentence has no edit left to undo
     */
    public StoredSentence undo(UUID articleId, String owner, int index, Integer expectedRevision) {
        return retrying(() -> {
            ArticleRow row = editable(articleId, owner);
            ArticleSentenceRow sentence = sentenceOf(row, index, expectedRevision);
            List<Edit> edits = jdbc.sql("""
                    SELECT revision, after_text, edited_at, edited_by FROM sentence_edit
                    WHERE article_id = :article AND sentence_index = :index
                    ORDER BY revision DESC LIMIT 2""")
                    .param("article", articleId).param("index", index)
                    .query((rs, n) -> new Edit(rs.getInt("revision"), rs.getString("after_text"),
                            rs.getObject("edited_at", OffsetDateTime.class).toInstant(), rs.getString("edited_by")))
                    .list();
            if (edits.isEmpty()) {
                throw new EditRejectedException("Sentence " + index + " has no edit to undo: it reads as the machine"
                        + " translated it.");
            }
            ArticleSentenceRow restored = edits.size() > 1
                    ? sentence.withText(edits.get(1).text(), edits.get(1).at(), edits.get(1).by())
                    : sentence.withText(sentence.machineOutput(), null, null);
            articles.save(row.withSentence(restored, clock.instant()));
            jdbc.sql("DELETE FROM sentence_edit WHERE article_id = :article AND sentence_index = :index"
                            + " AND revision = :revision")
                    .param("article", articleId).param("index", index).param("revision", edits.get(0).revision())
                    .update();
            return restored.toStored();
        });
    }

    /** The number of edits kept for a sentence (how many undos it has left). */
    public int editCount(UUID articleId, int index) {
        return jdbc.sql("SELECT COUNT(*) FROM sentence_edit WHERE article_id = :article AND sentence_index = :index")
                .param("article", articleId).param("index", index).query(Integer.class).single();
    }

    private ArticleRow editable(UUID articleId, String owner) {
        ArticleRow row = articles.findById(articleId).filter(r -> r.owner().equals(owner))
                .orElseThrow(() -> new ArticleNotFoundException(articleId));
        if (row.status() != ArticleStatus.DONE) {
            throw new EditRejectedException("Only a finished translation can be edited; this article is "
                    + row.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return row;
    }

    private static ArticleSentenceRow sentenceOf(ArticleRow row, int index, Integer expectedRevision) {
        ArticleSentenceRow sentence = row.sentence(index)
                .orElseThrow(() -> new SentenceNotFoundException(index, row.sentences().size()));
        if (expectedRevision != null && sentence.revision() != expectedRevision) {
            throw new StaleEditException(sentence.toStored(), expectedRevision);
        }
        return sentence;
    }

    private static String checkedText(String text) {
        String target = text == null ? "" : text.strip();
        if (target.isEmpty()) {
            throw new IllegalArgumentException("The new translation is empty; type the English for the sentence"
                    + " (or undo the edit to get the machine's back).");
        }
        if (target.length() > MAX_CHARS) {
            throw new IllegalArgumentException("The new translation has " + target.length()
                    + " characters; a sentence may have at most " + MAX_CHARS + ".");
        }
        return target;
    }

    /** Each attempt in its own transaction: a lost race (another edit saved first) is decided again on fresh state. */
    private <T> T retrying(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return transactions.execute(status -> attempt.get());
            } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException raced) {
                if (i >= MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private record Edit(int revision, String text, Instant at, String by) {
    }
}
