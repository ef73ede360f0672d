package app.tarjim.article;

import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.SentenceListener;
import app.tarjim.pipeline.translate.TranslatedSentence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running article translation that views can watch: it remembers what happened so far, so a
 * watcher that subscribes late (a reopened tab) first gets the past events, then the live ones.
 */
public final class TranslationJob {

    /** What a watcher hears; every method runs on the translating thread. */
    public interface Watcher extends SentenceListener {
        /** The article finished: DONE, FAILED or CANCELLED, with the stored result. */
        default void onFinished(StoredArticle article) {
        }

        /** Every article slot is taken: {@code ahead} articles wait before this one (0: it is next). */
        default void onQueued(int ahead) {
        }
    }

    private final UUID articleId;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private SegmentedText segmented;
    private final List<TranslatedSentence> sentences = new ArrayList<>();
    private StoredArticle finished;
    /** Articles waiting ahead of this one while it waits for a slot; -1 when it is not waiting. */
    private int ahead = -1;

    TranslationJob(UUID articleId) {
        this.articleId = articleId;
    }

    public UUID articleId() {
        return articleId;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Replays what already happened to the watcher, then keeps it informed until it unsubscribes. */
    public synchronized Runnable subscribe(Watcher watcher) {
        if (ahead >= 0 && segmented == null) {
            watcher.onQueued(ahead);
        }
        if (segmented != null) {
            watcher.onSegmented(segmented);
            watcher.onProgress(sentences.size(), segmented.segments().size());
        }
        sentences.forEach(watcher::onSentence);
        if (finished != null) {
            watcher.onFinished(finished);
            return () -> { };
        }
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    SentenceListener listener() {
        return new SentenceListener() {
            @Override
            public void onSegmented(SegmentedText text) {
                synchronized (TranslationJob.this) {
                    segmented = text;
                    watchers.forEach(w -> w.onSegmented(text));
                }
            }

            @Override
            public void onSentence(TranslatedSentence sentence) {
                synchronized (TranslationJob.this) {
                    sentences.add(sentence);
                    watchers.forEach(w -> w.onSentence(sentence));
                }
            }

            @Override
            public void onProgress(int done, int total) {
                synchronized (TranslationJob.this) {
                    watchers.forEach(w -> w.onProgress(done, total));
                }
            }
        };
    }

    synchronized void queued(int articlesAhead) {
        if (segmented == null && finished == null && articlesAhead != ahead) {
            ahead = articlesAhead;
            watchers.forEach(w -> w.onQueued(articlesAhead));
        }
    }

    synchronized void finish(StoredArticle article) {
        finished = article;
        watchers.forEach(w -> w.onFinished(article));
        watchers.clear();
    }
}
