package app.tarjim.pipeline.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A local Hugging Face hub on two ports, answering as huggingface.co does for what huggingface_hub reads:
 * <ul>
 *   <li>hub port: {@code GET /api/models/{repo}/revision/{rev}[?blobs=true]} with {@code ModelInfo}'s JSON
 *       ({@code sha}, {@code siblings: [{rfilename, blobId, size, lfs: {sha256, size, pointerSize}}]});
 *       {@code HEAD/GET /{repo}/resolve/{rev}/{path}}: small files served directly with a weak
 *       {@code ETag: W/"<git blob id>"}, LFS files (*.onnx) answered with a 302 to a signed CDN URL carrying
 *       {@code X-Linked-Etag} (sha256) and {@code X-Linked-Size}; {@code X-Repo-Commit} on every answer; errors
 *       with {@code X-Error-Code}/{@code X-Error-Message}; renamed repositories answered with a relative 307;</li>
 *   <li>CDN port: serves LFS content by sha256 with Range support, and refuses, like S3, any request that carries
 *       an {@code Authorization} header besides its signed query.</li>
 * </ul>
 * It can misbehave on purpose: corrupt content, drop a connection mid-file, gate a repository.
 */
public final class HubEmulator implements AutoCloseable {

    /** A request as the emulator saw it; {@code server} is {@code hub} or {@code cdn}. */
    public record Request(String server, String method, String path, String query, String range, String authorization,
                          String acceptEncoding) {
    }

    private static final long LFS_THRESHOLD = 10L * 1024 * 1024;
    private static final String SIGNING_KEY = "emulator-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer hub;
    private final HttpServer cdn;
    private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
    private final Map<String, String> renamed = new ConcurrentHashMap<>();
    private final Map<String, String> gated = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lfsBlobs = new ConcurrentHashMap<>();
    private final Map<String, Integer> corruptTimes = new ConcurrentHashMap<>();
    private final Map<String, Integer> dropAfterBytesOnce = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();

    /** A download that stops after {@code bytes} bytes until {@code release} opens (a slow link, as a test sees it). */
    private record Hold(int bytes, java.util.concurrent.CountDownLatch release) {
    }
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    private volatile int failureStatus;

    public HubEmulator() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> handle(exchange, this::handleHub, "hub"));
        // a thread per request, as a real server: a held download must not hold up every other request
        hub.setExecutor(handlers);
        hub.start();
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", exchange -> handle(exchange, this::handleCdn, "cdn"));
        cdn.setExecutor(handlers);
        cdn.start();
    }

    public URI hubUrl() {
        return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
    }

    URI cdnUrl() {
        return URI.create("http://127.0.0.1:" + cdn.getAddress().getPort());
    }

    /** Publishes every file under {@code folder} as {@code repo}; returns the commit. */
    public String publish(String repo, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(repo, folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commit(repo);
    }

    void put(String repo, String path, byte[] content) {
        repos.computeIfAbsent(repo, r -> new TreeMap<>()).put(path, content);
        if (isLfs(path, content)) {
            lfsBlobs.put(sha256(content), content);
        }
    }

    void delete(String repo, String path) {
        repos.get(repo).remove(path);
    }

    /** Requests for {@code oldName} are answered with a relative 307 to {@code newName}, as after a rename. */
    void rename(String oldName, String newName) {
        renamed.put(oldName, newName);
    }

    /** Files of {@code repo} need {@code Authorization: Bearer <token>}; its listing stays public, as on the hub. */
    public void gate(String repo, String token) {
        gated.put(repo, token);
    }

    void corrupt(String repo, String path, int times) {
        corruptTimes.put(repo + "/" + path, times);
    }

    /** The next GET of the file (on the CDN for LFS files) sends {@code bytes} bytes and drops the connection. */
    public void dropConnectionOnceAfter(String repo, String path, int bytes) {
        dropAfterBytesOnce.put(repo + "/" + path, bytes);
    }

    /**
     * The next GET of the file sends {@code bytes} bytes, then waits until {@code release} opens before it sends the
     * rest: a download caught in the middle, for tests of what users see meanwhile.
     */
    public void holdOnceAfter(String repo, String path, int bytes, java.util.concurrent.CountDownLatch release) {
        holds.put(repo + "/" + path, new Hold(bytes, release));
    }

    /** The next {@code times} requests to {@code server} ({@code hub} or {@code cdn}) are answered with {@code status}. */
    void failNext(String server, int times, int status) {
        failureStatus = status;
        failuresLeft.put(server, times);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    /** Deterministic stand-in for a git commit: a hash of every path and content. */
    public String commit(String repo) {
        StringBuilder all = new StringBuilder(repo);
        repos.getOrDefault(repo, Map.of()).forEach((path, content) -> all.append('\n').append(path).append(' ')
                .append(sha256(content)));
        return hex("SHA-1", all.toString().getBytes(StandardCharsets.UTF_8));
    }

    static boolean isLfs(String path, byte[] content) {
        return path.endsWith(".onnx") || content.length >= LFS_THRESHOLD;
    }

    static String sha256(byte[] content) {
        return hex("SHA-256", content);
    }

    static String gitBlobId(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return hex("SHA-1", all);
    }

    private static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The git-lfs pointer file that stands in the git tree for an LFS file. */
    private static byte[] lfsPointer(byte[] content) {
        return ("version https://git-lfs.github.com/spec/v1\noid sha256:" + sha256(content) + "\nsize "
                + content.length + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler, String server) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(new Request(server, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Range"), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Accept-Encoding")));
        try {
            Integer left = failuresLeft.get(server);
            if (left != null && left > 0) {
                failuresLeft.put(server, left - 1);
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            handler.handle(exchange);
        } finally {
            exchange.close();
        }
    }

    // ---- hub ----

    private void handleHub(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/api/models/")) {
            handleListing(exchange, path.substring("/api/models/".length()));
            return;
        }
        int resolve = path.indexOf("/resolve/");
        if (resolve < 0) {
            error(exchange, 404, null, null, "Not found");
            return;
        }
        handleResolve(exchange, path.substring(1, resolve), path.substring(resolve + "/resolve/".length()));
    }

    /** The repository's files when it exists at that revision; otherwise answers as the hub does and gives null. */
    private Map<String, byte[]> filesAt(HttpExchange exchange, String repo, String revision) throws IOException {
        Map<String, byte[]> files = repos.get(repo);
        if (files == null) {
            repoNotFound(exchange);
            return null;
        }
        if (!revision.equals("main") && !revision.equals(commit(repo))) {
            error(exchange, 404, "RevisionNotFound", null, "Invalid rev id: " + revision);
            return null;
        }
        return files;
    }

    private void handleListing(HttpExchange exchange, String rest) throws IOException {
        int at = rest.indexOf("/revision/");
        String repo = rest.substring(0, at);
        String revision = decode(rest.substring(at + "/revision/".length()));
        if (renamed.containsKey(repo)) {
            String query = exchange.getRequestURI().getRawQuery();
            redirect(exchange, 307, "/api/models/" + renamed.get(repo) + "/revision/" + revision
                    + (query == null ? "" : "?" + query), Map.of());
            return;
        }
        Map<String, byte[]> files = filesAt(exchange, repo, revision);
        if (files == null) {
            return;
        }
        String commit = commit(repo);
        boolean blobs = "blobs=true".equals(exchange.getRequestURI().getRawQuery());
        List<Map<String, Object>> siblings = new ArrayList<>();
        files.forEach((path, content) -> {
            Map<String, Object> sibling = new LinkedHashMap<>();
            sibling.put("rfilename", path);
            if (blobs) {
                boolean lfs = isLfs(path, content);
                sibling.put("blobId", gitBlobId(lfs ? lfsPointer(content) : content));
                sibling.put("size", content.length);
                if (lfs) {
                    sibling.put("lfs", Map.of("sha256", sha256(content), "size", content.length,
                            "pointerSize", lfsPointer(content).length));
                }
            }
            siblings.add(sibling);
        });
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("_id", commit.substring(0, 24));
        info.put("id", repo);
        info.put("modelId", repo);
        info.put("author", repo.substring(0, repo.indexOf('/')));
        info.put("sha", commit);
        info.put("lastModified", "2024-03-01T12:00:00.000Z");
        info.put("private", false);
        info.put("disabled", false);
        info.put("gated", gated.containsKey(repo) ? "manual" : false);
        info.put("downloads", 0);
        info.put("likes", 0);
        info.put("library_name", "transformers.js");
        info.put("tags", List.of("transformers.js", "onnx", "marian", "text2text-generation", "translation"));
        info.put("pipeline_tag", "translation");
        info.put("siblings", siblings);
        info.put("spaces", List.of());
        info.put("createdAt", "2023-09-01T12:00:00.000Z");
        byte[] body = JSON.writeValueAsBytes(info);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private void handleResolve(HttpExchange exchange, String repo, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String revision = decode(rest.substring(0, slash));
        String path = decode(rest.substring(slash + 1));
        if (renamed.containsKey(repo)) {
            redirect(exchange, 307, "/" + renamed.get(repo) + "/resolve/" + rest, Map.of());
            return;
        }
        Map<String, byte[]> files = filesAt(exchange, repo, revision);
        if (files == null) {
            return;
        }
        String commit = commit(repo);
        String token = gated.get(repo);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (token != null && authorization == null) {
            error(exchange, 401, "GatedRepo", commit, "Access to model " + repo + " is restricted. You must have "
                    + "access to it and be authenticated to access it. Please log in.");
            return;
        }
        if (token != null && !authorization.equals("Bearer " + token)) {
            error(exchange, 403, "GatedRepo", commit, "Access to model " + repo + " is restricted and you are not "
                    + "in the authorized list. Visit https://huggingface.co/" + repo + " to ask for access.");
            return;
        }
        byte[] content = files.get(path);
        if (content == null) {
            error(exchange, 404, "EntryNotFound", commit, "Entry not found");
            return;
        }
        exchange.getResponseHeaders().set("X-Repo-Commit", commit);
        if (isLfs(path, content)) {
            String sha = sha256(content);
            String signed = cdnUrl() + "/repos/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha
                    + "?X-Amz-Expires=3600&X-Amz-Signature=" + signature(sha) + "&key=" + encode(repo + "/" + path);
            redirect(exchange, 302, signed, Map.of(
                    "X-Linked-Etag", "\"" + sha + "\"",
                    "X-Linked-Size", String.valueOf(content.length),
                    // the redirect's own ETag, not the file's: clients must prefer X-Linked-Etag
                    "ETag", "W/\"" + gitBlobId(signed.getBytes(StandardCharsets.UTF_8)) + "\""));
            return;
        }
        exchange.getResponseHeaders().set("ETag", "W/\"" + gitBlobId(content) + "\"");
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        serve(exchange, repo + "/" + path, content);
    }

    private void repoNotFound(HttpExchange exchange) throws IOException {
        boolean authenticated = exchange.getRequestHeaders().getFirst("Authorization") != null;
        // unauthenticated: 401 either way, so as not to reveal that a private repository exists
        error(exchange, authenticated ? 404 : 401, "RepoNotFound", null, "Repository not found");
    }

    // ---- CDN ----

    private void handleCdn(HttpExchange exchange) throws IOException {
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code><Message>"
                    + "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
                    + "string parameter or the Authorization header should be specified</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        String sha = path.substring(path.lastIndexOf('/') + 1);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] content = lfsBlobs.get(sha);
        if (content == null || !signature(sha).equals(query.get("X-Amz-Signature"))) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        exchange.getResponseHeaders().set("ETag", "\"" + sha + "\"");
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        serve(exchange, decode(query.get("key")), content);
    }

    // ---- shared ----

    /** 200 or 206 with Range; HEAD gets the headers only; corruption and dropped connections on request. */
    private void serve(HttpExchange exchange, String key, byte[] content) throws IOException {
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] body = head ? content : maybeCorrupted(key, content);
        int from = rangeStart(exchange.getRequestHeaders().getFirst("Range"));
        if (from >= body.length && from > 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        if (from > 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            exchange.sendResponseHeaders(206, body.length - from);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        Integer dropAfter = dropAfterBytesOnce.remove(key);
        OutputStream out = exchange.getResponseBody();
        Hold hold = holds.remove(key);
        if (hold != null && hold.bytes() < body.length - from) {
            out.write(body, from, hold.bytes());
            out.flush();
            try {
                hold.release().await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            from += hold.bytes();
        }
        if (dropAfter != null) {
            out.write(body, from, dropAfter);
            out.flush();
            // a handler that throws makes the server close the connection: the client sees a short body
            throw new IOException("dropping the connection on purpose");
        }
        out.write(body, from, body.length - from);
    }

    private static void redirect(HttpExchange exchange, int status, String location, Map<String, String> headers)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Location", location);
        byte[] body = ("Found. Redirecting to " + location).getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String commit, String message)
            throws IOException {
        if (code != null) {
            exchange.getResponseHeaders().set("X-Error-Code", code);
        }
        if (commit != null) {
            exchange.getResponseHeaders().set("X-Repo-Commit", commit);
        }
        exchange.getResponseHeaders().set("X-Error-Message", message);
        byte[] body = JSON.writeValueAsBytes(Map.of("error", message));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
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

    private static String signature(String sha) {
        return hex("SHA-256", (SIGNING_KEY + sha).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static int rangeStart(String range) {
        if (range == null || !range.startsWith("bytes=")) {
            return 0;
        }
        return Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        hub.stop(0);
        cdn.stop(0);
        handlers.shutdownNow();
    }
}
