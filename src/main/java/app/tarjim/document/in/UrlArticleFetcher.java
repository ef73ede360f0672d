package app.tarjim.document.in;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Fetches an article page by URL for text extraction, defensively: http and https only, a size limit, one
 * wall-clock deadline for the whole fetch, and no requests to loopback, private, link-local or otherwise
 * internal addresses unless configured (so the server cannot be used to probe its own network). Each
 * host is looked up once and the connection goes to the address that was checked. Redirects are followed
 * by hand so each hop is checked the same way.
 *
 * <p>{@link #start} runs the fetch on a small pool of its own, so a slow page holds neither a request
 * thread nor the user's UI session; the pool is bounded so many slow pages cannot pile up threads.
 */
public final class UrlArticleFetcher implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;
    private static final int WORKERS = 4;
    private static final int QUEUED = 32;

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final ArticleHtmlExtractor extractor = new ArticleHtmlExtractor();
    private final Lookup<TlsSocketStrategy> tls = RegistryBuilder.<TlsSocketStrategy>create()
            .register("https", DefaultClientTlsStrategy.createDefault())
            .build();
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), daemon("url-fetch"));
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, daemon("url-fetch-deadline"));

    public UrlArticleFetcher(long maxBytes, Duration timeout, boolean allowPrivateAddresses) {
        this(new FetchSettings(maxBytes, timeout, allowPrivateAddresses), HostResolver.SYSTEM);
    }

    public UrlArticleFetcher(FetchSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.guard = new AddressGuard(resolver, settings.allowPrivateAddresses());
        workers.allowCoreThreadTimeOut(true);
        deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Fetches on the calling thread, within the deadline. */
    public ExtractedDocument fetch(String address) throws DocumentImportException {
        ArticleFetch fetch = new ArticleFetch(ArticleAddress.parse(address));
        run(fetch, startDeadline(fetch));
        return fetch.await();
    }

    /** Starts fetching in the background; the deadline counts from now, queueing included. */
    public ArticleFetch start(String address) {
        ArticleFetch fetch;
        try {
            fetch = new ArticleFetch(ArticleAddress.parse(address));
        } catch (DocumentImportException e) {
            return ArticleFetch.failed(e);
        }
        ScheduledFuture<?> deadline = startDeadline(fetch);
        try {
            workers.execute(() -> run(fetch, deadline));
        } catch (RejectedExecutionException e) {
            deadline.cancel(false);
            fetch.fail(new DocumentImportException(fetch.address().toString(),
                    "Too many pages are being fetched right now; try again in a moment."));
        }
        return fetch;
    }

    private ScheduledFuture<?> startDeadline(ArticleFetch fetch) {
        DocumentImportException late = new DocumentImportException(fetch.address().toString(), "The page at "
                + fetch.address() + " took longer than " + seconds(settings.timeout())
                + " to arrive; try again or paste the text.");
        return deadlines.schedule(() -> fetch.expire(late), settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(ArticleFetch fetch, ScheduledFuture<?> deadline) {
        try {
            if (!fetch.stopped()) {
                fetch.complete(exchange(fetch));
            }
        } catch (DocumentImportException e) {
            fetch.fail(e); // ignored when the deadline or a cancel already answered
        } catch (RuntimeException e) {
            fetch.fail(new DocumentImportException(fetch.address().toString(),
                    "Could not fetch " + fetch.address() + ": " + reason(e) + ".", e));
        } finally {
            deadline.cancel(false);
        }
    }

    private ExtractedDocument exchange(ArticleFetch fetch) throws DocumentImportException {
        String shown = fetch.address().toString();
        URI uri = fetch.address();
        PinnedDnsResolver dns = new PinnedDnsResolver();
        try (CloseableHttpClient client = client(dns)) {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                ArticleAddress.checkScheme(uri);
                dns.pin(uri.getHost(), guard.check(uri));
                HttpGet get = new HttpGet(uri);
                get.setHeader("User-Agent", "Tarjim/0.1 (article fetch)");
                get.setHeader("Accept", "text/html,application/xhtml+xml");
                fetch.attach(get);
                try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
                    int status = response.getCode();
                    if (status >= 300 && status < 400) {
                        uri = redirectTarget(uri, response.getFirstHeader("Location"), shown);
                        continue;
                    }
                    if (status != 200) {
                        throw new DocumentImportException(shown, "The page at " + shown + " answered HTTP " + status + ".");
                    }
                    Header typeHeader = response.getFirstHeader("Content-Type");
                    String type = typeHeader == null ? "" : typeHeader.getValue().toLowerCase(Locale.ROOT);
                    if (!type.isEmpty() && !type.contains("html") && !type.startsWith("text/")) {
                        throw new DocumentImportException(shown, "The address " + shown + " is not a web page (" + type
                                + "). Download the file and upload it instead.");
                    }
                    byte[] body = readLimited(response.getEntity(), shown, fetch);
                    ExtractedDocument document = extractor.extract(body, uri.toString());
                    if (document.text().isBlank()) {
                        throw new DocumentImportException(shown, "No article text was found at " + shown + ".");
                    }
                    return document;
                }
            }
        } catch (IOException e) {
            throw new DocumentImportException(shown, describe(shown, uri, e), e);
        }
        throw new DocumentImportException(shown, "The page at " + shown + " redirects too many times.");
    }

    /** A fresh client per fetch: its lookups answer only with what {@code dns} was given after the check. */
    private CloseableHttpClient client(PinnedDnsResolver dns) {
        Timeout timeout = Timeout.of(settings.timeout());
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, dns, tls, ManagedHttpClientConnectionFactory.INSTANCE);
        // The deadline aborts the request; these only keep a stuck socket from outliving the client.
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(timeout).setSocketTimeout(timeout).build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static URI redirectTarget(URI from, Header location, String shown) throws DocumentImportException {
        if (location == null || location.getValue().isBlank()) {
            throw new DocumentImportException(shown, "The page at " + shown + " redirects nowhere.");
        }
        try {
            return from.resolve(location.getValue().strip());
        } catch (IllegalArgumentException e) {
            throw new DocumentImportException(shown, "The page at " + shown + " redirects to an address that is not valid.");
        }
    }

    private byte[] readLimited(HttpEntity entity, String shown, ArticleFetch fetch)
            throws IOException, DocumentImportException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (fetch.stopped()) {
                    throw new InterruptedIOException("stopped at the deadline or by the user");
                }
                out.write(buffer, 0, n);
                if (out.size() > settings.maxBytes()) {
                    throw new DocumentImportException(shown, "The page at " + shown + " is larger than "
                            + (settings.maxBytes() / 1024) + " KB; save the article text and paste it instead.");
                }
            }
            return out.toByteArray();
        }
    }

    /** One plain sentence for a failed exchange; never the bare (possibly null) exception message. */
    private String describe(String shown, URI uri, IOException e) {
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return "The server at " + host + " cannot be reached from here.";
        }
        if (e instanceof ConnectException) {
            return "The server at " + host + " refused the connection.";
        }
        if (e instanceof InterruptedIOException) {
            return "The page at " + shown + " took longer than " + seconds(settings.timeout())
                    + " to arrive; try again or paste the text.";
        }
        if (e instanceof SSLException) {
            return "Could not make a secure connection to " + host + " (its certificate or TLS setup was refused).";
        }
        return "Could not fetch " + shown + ": " + reason(e) + ".";
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the connection failed (" + e.getClass().getSimpleName() + ")"
                : message;
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        deadlines.shutdownNow();
    }
}
