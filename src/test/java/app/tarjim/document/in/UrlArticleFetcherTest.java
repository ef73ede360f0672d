package app.tarjim.document.in;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlArticleFetcherTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/article", exchange -> {
            byte[] body = ("<html><head><title>T</title></head><body><nav>menu</nav><article><h1>عنوان الخبر</h1>"
                    + "<p>نص الخبر الأول.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1024];
            for (int i = 0; i < 200; i++) {
                exchange.getResponseBody().write(chunk);
            }
            exchange.close();
        });
        server.createContext("/pdf", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write("%PDF".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void refusesLoopbackByDefault() {
        UrlArticleFetcher fetcher = new UrlArticleFetcher(100_000, Duration.ofSeconds(5), false);
        assertThatThrownBy(() -> fetcher.fetch(base + "/article"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessageContaining("local or private network");
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
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd")).hasMessageContaining("Only http and https");
        assertThatThrownBy(() -> fetcher.fetch(base + "/pdf")).hasMessageContaining("not a web page");
    }

    @Test
    void classifiesInternalAddresses() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertThat(UrlArticleFetcher.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        assertThat(UrlArticleFetcher.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(UrlArticleFetcher.isInternal(InetAddress.getByName("2001:4860::8888"))).isFalse();
    }
}
