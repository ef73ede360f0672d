package app.tarjim.batch;

import app.tarjim.article.ArticleDraft;
import app.tarjim.article.ArticleResult;
import app.tarjim.article.ArticleService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Stores a finished item's translation as an article and marks the item DONE in one transaction. If the
 * worker lost the item meanwhile, the transaction rolls back, so no item ever gets two articles.
 */
@Component
class ItemCompletion {

    private final ArticleService articles;
    private final BatchItemQueue queue;
    private final TransactionTemplate transaction;

    ItemCompletion(ArticleService articles, BatchItemQueue queue, TransactionTemplate transaction) {
        this.articles = articles;
        this.queue = queue;
        this.transaction = transaction;
    }

    /** True when stored; false when the item was no longer this worker's (cancelled or re-claimed). */
    boolean complete(ClaimedItem item, String workerId, ArticleResult result) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            UUID articleId = articles.create(
                    new ArticleDraft(item.owner(), item.work().text(), item.work().summaryLength()));
            articles.complete(articleId, result);
            if (!queue.markDone(item.itemId(), workerId, articleId)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }
}
