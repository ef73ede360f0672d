package app.tarjim.document.in;

import org.apache.hc.core5.concurrent.Cancellable;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fetch by URL in flight. Its result completes when the page arrives, when it fails, at the deadline
 * or when {@link #cancel()} is called; the last two also abort the request it is waiting on, so a server
 * that sends slowly cannot hold the worker thread past them.
 */
public final class ArticleFetch {

    private final URI address;
    private final CompletableFuture<ExtractedDocument> result = new CompletableFuture<>();
    private final AtomicReference<Cancellable> request = new AtomicReference<>();

    ArticleFetch(URI address) {
        this.address = address;
    }

    /** A fetch refused before it started, e.g. for a malformed address. */
    static ArticleFetch failed(DocumentImportException why) {
        ArticleFetch fetch = new ArticleFetch(null);
        fetch.result.completeExceptionally(why);
        return fetch;
    }

    /** The address as fetched (https added when it was typed without a scheme); null when it was refused. */
    public URI address() {
        return address;
    }

    /** Completes with the article, or exceptionally with a {@link DocumentImportException} to show as is. */
    public CompletionStage<ExtractedDocument> result() {
        return result.minimalCompletionStage();
    }

    /** Stops the fetch: the result completes at once and the request in progress is aborted. */
    public void cancel() {
        stop(new Cancelled(address));
    }

    void expire(DocumentImportException why) {
        stop(why);
    }

    boolean stopped() {
        return result.isDone();
    }

    /** The request now being made; aborted at once if the fetch was already stopped. */
    void attach(Cancellable current) {
        request.set(current);
        if (stopped()) {
            current.cancel();
        }
    }

    void complete(ExtractedDocument document) {
        result.complete(document);
    }

    void fail(DocumentImportException why) {
        result.completeExceptionally(why);
    }

    /** Waits for the result on the calling thread. */
    ExtractedDocument await() throws DocumentImportException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new DocumentImportException(String.valueOf(address), "Fetching " + address + " was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DocumentImportException why) {
                throw why;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The result of a fetch stopped by {@link #cancel()}, told apart from failures so it need not read as one. */
    public static final class Cancelled extends DocumentImportException {

        Cancelled(URI address) {
            super(String.valueOf(address), "Fetching " + address + " was cancelled.");
        }
    }

    private void stop(DocumentImportException why) {
        if (result.completeExceptionally(why)) {
            Cancellable current = request.get();
            if (current != null) {
                current.cancel();
            }
        }
    }
}
