package app.tarjim.document.in;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A web server on 127.0.0.1 for fetch tests: /article (a small Arabic article), /drip (headers at once,
 * then one byte every 500 ms for 20 s) and whatever a test adds. It records the Host header of every
 * request, and when a client hung up on /drip.
 */
public final class LocalPages implements AutoCloseable {

    public static final String ARTICLE = "<html><head><title>T</title></head><body><nav>menu</nav><article>"
            + "<h1>عنوان الخبر</h1><p>نص الخبر الأول.</p></article></body></html>";

    public final List<String> hosts = new CopyOnWriteArrayList<>();
    /** Completes when a /drip client closed its connection before the page ended. */
    public final CompletableFuture<Void> dripAbandoned = new CompletableFuture<>();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public LocalPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads); // /drip must not block the other pages
        serve("/article", exchange -> send(exchange, 200, "text/html; charset=utf-8", ARTICLE));
        serve("/drip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            try {
                for (int i = 0; i < 40; i++) {
                    body.write('<');
                    body.flush();
                    Thread.sleep(500);
                }
            } catch (IOException e) {
                dripAbandoned.complete(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public interface Page {
        void handle(HttpExchange exchange) throws IOException;
    }

    public void serve(String path, Page page) {
        server.createContext(path, exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            page.handle(exchange);
        });
    }

    public static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
