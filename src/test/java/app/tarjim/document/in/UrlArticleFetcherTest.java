package app.tarjim.document.in;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlArticleFetcherTest {

    private LocalPages pages;
    private String base;

    @BeforeEach
    void start() throws Exception {
        pages = new LocalPages();
        pages.serve("/big", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1024];
            for (int i = 0; i < 200; i++) {
                exchange.getResponseBody().write(chunk);
            }
            exchange.close();
        });
        pages.serve("/pdf", exchange -> LocalPages.send(exchange, 200, "application/pdf", "%PDF"));
        pages.serve("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            LocalPages.send(exchange, 302, "text/html", "");
        });
        pages.serve("/to-file", exchange -> {
            exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
            LocalPages.send(exchange, 302, "text/html", "");
        });
        pages.serve("/to-b", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://b.example:" + pages.port() + "/article");
            LocalPages.send(exchange, 301, "text/html", "");
        });
        base = pages.url("");
    }

    @AfterEach
    void stop() {
        pages.close();
    }

    @Test
    void refusesLoopbackAndNamesTheSettingThatAllowsIt() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), false);
        assertThatThrownBy(() -> fetcher.fetch(base + "/article"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessageContaining("local or private network")
                .hasMessageContaining("tarjim.fetch.allow-private-addresses");
        assertThat(pages.hosts).isEmpty();
    }

    @Test
    void refusesDecimalAndIpv6FormsOfLoopback() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), false);
        int port = pages.port();
        for (String address : new String[] {"http://2130706433:" + port + "/article",
                "http://[::ffff:127.0.0.1]:" + port + "/article", "http://[::1]:" + port + "/article",
                "http://0.0.0.0:" + port + "/article"}) {
            assertThatThrownBy(() -> fetcher.fetch(address)).as(address).hasMessageContaining("local or private network");
        }
        assertThat(pages.hosts).isEmpty();
    }

    @Test
    void fetchesAndExtractsTheArticleWhenLocalAddressesAreAllowed() throws Exception {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        ExtractedDocument document = fetcher.fetch(base + "/article");
        assertThat(document.title()).isEqualTo("عنوان الخبر");
        assertThat(document.text()).contains("نص الخبر الأول.").doesNotContain("menu");
    }

    @Test
    void limitsTheSize() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(50_000, Duration.ofSeconds(5), true);
        assertThatThrownBy(() -> fetcher.fetch(base + "/big")).hasMessageContaining("larger than");
    }

    @Test
    void refusesOtherSchemesAndNonPages() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        for (String address : new String[] {"file:///etc/passwd", "file:/etc/passwd", "ftp://example.com/a",
                "javascript:alert(1)", "gopher://127.0.0.1:" + pages.port() + "/_GET"}) {
            assertThatThrownBy(() -> fetcher.fetch(address)).as(address).hasMessageContaining("Only http and https");
        }
        assertThatThrownBy(() -> fetcher.fetch(base + "/pdf")).hasMessageContaining("not a web page");
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        assertThatThrownBy(() -> fetcher.fetch(base + "/to-file")).hasMessageContaining("Only http and https");
    }

    @Test
    void redirectLoopsStopAfterFiveRedirects() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        assertThatThrownBy(() -> fetcher.fetch(base + "/loop")).hasMessageContaining("redirects too many times");
        assertThat(pages.hosts).hasSize(6); // the first request and five redirects
    }

    @Test
    void eachRedirectHopIsLookedUpAndCheckedOnce() throws Exception {
        Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
        HostResolver resolver = host -> {
            lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        UrlArticleFetcher fetcher = new UrlArticleFetcher(new FetchSettings(100_000, Duration.ofSeconds(5), true), resolver);
        ExtractedDocument document = fetcher.fetch("http://a.example:" + pages.port() + "/to-b");
        assertThat(document.text()).contains("نص الخبر الأول.");
        assertThat(lookups).containsOnlyKeys("a.example", "b.example");
        assertThat(lookups.get("a.example")).hasValue(1);
        assertThat(lookups.get("b.example")).hasValue(1);
        assertThat(pages.hosts).containsExactly("a.example:" + pages.port(), "b.example:" + pages.port());
    }

    @Test
    void connectsToTheAddressThatWasCheckedNotToASecondLookup() throws Exception {
        // First answer: this test's server. Any later answer: TEST-NET-1, where nothing listens.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> new InetAddress[] {InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "127.0.0.1" : "192.0.2.1")};
        UrlArticleFetcher fetcher = new UrlArticleFetcher(new FetchSettings(100_000, Duration.ofSeconds(3), true), rebinding);

        ExtractedDocument document = fetcher.fetch("http://news.example:" + pages.port() + "/article");

        assertThat(document.text()).contains("نص الخبر الأول.");
        assertThat(lookups).hasValue(1);
        assertThat(pages.hosts).containsExactly("news.example:" + pages.port()); // the Host header keeps the name
    }

    @Test
    void aHostThatRebindsToLoopbackAfterTheCheckIsNeverReached() {
        // First answer: a public address (TEST-NET-1, unreachable here). Any later answer: this test's server.
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> new InetAddress[] {InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "192.0.2.1" : "127.0.0.1")};
        UrlArticleFetcher fetcher = new UrlArticleFetcher(new FetchSettings(100_000, Duration.ofSeconds(2), false), rebinding);

        assertThatThrownBy(() -> fetcher.fetch("http://rebind.example:" + pages.port() + "/article"))
                .isInstanceOf(DocumentImportException.class);

        assertThat(lookups).hasValue(1);
        assertThat(pages.hosts).isEmpty();
    }

    @Test
    void aSlowDripIsCutOffAtTheDeadline() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofMillis(1500), true);
        long started = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(base + "/drip"))
                .hasMessage("The page at " + base + "/drip took longer than 1.5 s to arrive; try again or paste the text.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500 + 1500));
        assertThat(pages.dripAbandoned).succeedsWithin(Duration.ofSeconds(3)); // the connection was closed, not left open
    }

    @Test
    void cancelAnswersAtOnceAndAbortsTheRequest() throws Exception {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(20), true);
        ArticleFetch fetch = fetcher.start(base + "/drip");
        Thread.sleep(700); // headers are in, the body is dripping
        assertThat(fetch.result().toCompletableFuture()).isNotDone();

        fetch.cancel();

        assertThatThrownBy(() -> fetch.result().toCompletableFuture().get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ArticleFetch.Cancelled.class);
        assertThat(pages.dripAbandoned).succeedsWithin(Duration.ofSeconds(3));
    }

    @Test
    void startAnswersInTheBackground() throws Exception {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        ArticleFetch fetch = fetcher.start(base + "/article");
        assertThat(fetch.result().toCompletableFuture().get(5, TimeUnit.SECONDS).text()).contains("نص الخبر الأول.");
        assertThat(fetcher.start("javascript:alert(1)").result().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("Only http and https");
    }

    @Test
    void anAddressWithoutSchemeIsTriedAsHttps() throws Exception {
        assertThat(ArticleAddress.parse("www.alaraby.co.uk/politics")).hasToString("https://www.alaraby.co.uk/politics");
        assertThat(ArticleAddress.parse("  //www.alaraby.co.uk/a ")).hasToString("https://www.alaraby.co.uk/a");
        assertThat(ArticleAddress.parse("localhost:8080/a")).hasToString("https://localhost:8080/a");
        assertThat(ArticleAddress.parse("HTTP://www.alaraby.co.uk/")).hasToString("HTTP://www.alaraby.co.uk/");

        // Fetched: the first byte the server gets opens a TLS handshake (0x16), not a plain "GET".
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
                try (Socket client = server.accept()) {
                    return client.getInputStream().read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            HostResolver local = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            UrlArticleFetcher fetcher = new UrlArticleFetcher(new FetchSettings(100_000, Duration.ofSeconds(5), true), local);
            assertThatThrownBy(() -> fetcher.fetch("www.alaraby.co.uk:" + server.getLocalPort() + "/article"))
                    .hasMessageContaining("www.alaraby.co.uk:" + server.getLocalPort())
                    .message().doesNotContain("null");
            assertThat(firstByte).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(0x16);
        }
    }

    @Test
    void aRefusedConnectionSaysSoWithoutNull() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), true);
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/article"))
                .hasMessage("The server at 127.0.0.1:" + closedPort + " refused the connection.");
    }

    @Test
    void anUnknownHostIsNamed() {
        HostResolver nowhere = host -> {
            throw new UnknownHostException(host);
        };
        UrlArticleFetcher fetcher = new UrlArticleFetcher(new FetchSettings(100_000, Duration.ofSeconds(5), false), nowhere);
        assertThatThrownBy(() -> fetcher.fetch("https://no-such-host.example/a"))
                .hasMessage("The host no-such-host.example could not be found.");
    }

    @Test
    void classifiesInternalAddresses() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "255.255.255.255", "::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1",
                "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:101::1"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "2001:4860::8888", "64:ff9b::808:808", "2002:808:808::1"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }
}
