package app.tarjim.pipeline.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the Hugging Face hub: serves files at {@code /{repo}/resolve/{revision}/{path}},
 * honours Range requests, and can misbehave on purpose (corrupt content, drop the connection, redirect).
 */
final class FakeHub implements AutoCloseable {

    record Request(String path, String range) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> corruptTimes = new ConcurrentHashMap<>();
    private final Map<String, Integer> dropAfterBytesOnce = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean sendLinkedEtag;
    private volatile boolean redirectToCdn;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code content} as {@code path} of {@code repo} at revision main. */
    void put(String repo, String path, byte[] content) {
        files.put("/" + repo + "/resolve/main/" + path, content);
    }

    void corrupt(String repo, String path, int times) {
        corruptTimes.put("/" + repo + "/resolve/main/" + path, times);
    }

    void dropConnectionOnceAfter(String repo, String path, int bytes) {
        dropAfterBytesOnce.put("/" + repo + "/resolve/main/" + path, bytes);
    }

    void sendLinkedEtag(boolean send) {
        sendLinkedEtag = send;
    }

    /** Answers with a 302 to a /cdn/ copy, the X-Linked-Etag on the redirect as the real hub does. */
    void redirectToCdn(boolean redirect) {
        redirectToCdn = redirect;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Range")));
        boolean fromCdn = path.startsWith("/cdn/");
        String key = fromCdn ? path.substring("/cdn".length()) : path;
        byte[] content = files.get(key);
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        if (sendLinkedEtag && (!redirectToCdn || !fromCdn)) {
            exchange.getResponseHeaders().add("X-Linked-Etag", "\"" + sha256(content) + "\"");
        }
        if (redirectToCdn && !fromCdn) {
            exchange.getResponseHeaders().add("Location", "/cdn" + key);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] body = maybeCorrupted(key, content);
        int from = rangeStart(exchange.getRequestHeaders().getFirst("Range"));
        if (from > 0) {
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - from);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        Integer dropAfter = dropAfterBytesOnce.remove(key);
        OutputStream out = exchange.getResponseBody();
        if (dropAfter != null) {
            out.write(body, from, dropAfter);
            out.flush();
            // a handler that throws makes the server close the connection: the client sees a short body
            throw new IOException("dropping the connection on purpose");
        }
        out.write(body, from, body.length - from);
        exchange.close();
    }

    private byte[] maybeCorrupted(String key, byte[] content) {
        Integer left = corruptTimes.get(key);
        if (left == null || left == 0) {
            return content;
        }
        corruptTimes.put(key, left - 1);
        byte[] corrupted = content.clone();
        corrupted[corrupted.length / 2] ^= 0x5A;
        return corrupted;
    }

    private static int rangeStart(String range) {
        if (range == null || !range.startsWith("bytes=")) {
            return 0;
        }
        return Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
