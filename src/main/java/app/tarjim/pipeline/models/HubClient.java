package app.tarjim.pipeline.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Talks to a Hugging Face hub the way huggingface_hub does:
 * <ul>
 *   <li>lists a repository at a revision with {@code GET /api/models/{repo}/revision/{revision}?blobs=true};</li>
 *   <li>asks a file's metadata with {@code HEAD /{repo}/resolve/{revision}/{path}}, following only relative
 *       redirects (a renamed repository) and keeping an absolute one (the CDN) as the place to fetch from;</li>
 *   <li>sends {@code Authorization: Bearer} only to the hub's own origin: signed CDN URLs reject it.</li>
 * </ul>
 * The {@link HttpClient} must not follow redirects itself.
 */
final class HubClient {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final String token;

    HubClient(HttpClient http, URI endpoint, String token) {
        this.http = http;
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The repository's files and the commit {@code revision} resolves to. */
    HubRepoInfo repoInfo(String repo, String revision) throws IOException {
        URI uri = URI.create(endpoint + "/api/models/" + repo + "/revision/" + encode(revision) + "?blobs=true");
        HttpResponse<byte[]> response = followRelative("GET", uri, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status != 200) {
            throw failure(response.statusCode(), response.headers(), repo, revision, null);
        }
        HubRepoInfo info;
        try {
            info = JSON.readValue(response.body(), HubRepoInfo.class);
        } catch (IOException e) {
            throw new ModelUnavailableException("The hub at " + endpoint + " answered the listing of " + repo
                    + " with something other than a repository description: check HF_ENDPOINT or the hub URL.");
        }
        if (info.sha() == null || info.sha().isBlank()) {
            throw new ModelUnavailableException("The hub at " + endpoint + " did not say which commit " + repo + " "
                    + revision + " is: check HF_ENDPOINT or the hub URL, and any proxy in between.");
        }
        return info;
    }

    /** What {@code HEAD} on the file's resolve URL says; the {@code location} is where to fetch it from. */
    HubFileMetadata fileMetadata(String repo, String revision, String path) throws IOException {
        URI uri = resolveUri(repo, revision, path);
        HttpResponse<Void> response = followRelative("HEAD", uri, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        boolean redirect = status >= 300 && status < 400;
        if (!redirect && status / 100 != 2) {
            throw failure(status, response.headers(), repo, revision, path);
        }
        HttpHeaders headers = response.headers();
        String commit = headers.firstValue("X-Repo-Commit").orElse(null);
        if (commit == null) {
            throw new ModelUnavailableException("The server at " + endpoint + " does not answer like a Hugging Face "
                    + "hub (no X-Repo-Commit for " + repo + "/" + path + "): check HF_ENDPOINT, the hub URL and any proxy.");
        }
        String linked = headers.firstValue("X-Linked-Etag").orElse(null);
        String etag = normalizeEtag(linked != null ? linked : headers.firstValue("ETag").orElse(null));
        long size = headers.firstValueAsLong("X-Linked-Size")
                .orElse(redirect ? -1 : headers.firstValueAsLong("Content-Length").orElse(-1));
        URI location = redirect
                ? response.uri().resolve(headers.firstValue("Location").orElseThrow(
                        () -> new IOException("a redirect without a Location for " + path)))
                : response.uri();
        return new HubFileMetadata(commit, etag, linked != null, size, location);
    }

    /**
     * {@code GET} of a file's content from {@code from} on; the Authorization header goes only to the hub's
     * origin. Answers with the status as is (200, 206, 416, errors) after following redirects.
     */
    HttpResponse<InputStream> download(URI location, long from) throws IOException {
        URI uri = location;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = request(uri).GET();
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
            }
            HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status < 300 || status >= 400 || hop >= MAX_REDIRECTS) {
                return response;
            }
            response.body().close();
            uri = uri.resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("a redirect without a Location from " + response.uri())));
        }
    }

    /** Returns a passing failure, worth another try, for the caller to throw; throws a refusal the user must act on. */
    IOException failure(int status, HttpHeaders headers, String repo, String revision, String path) {
        if (HubErrors.transientStatus(status)) {
            return new IOException("the hub answered HTTP " + status);
        }
        throw HubErrors.refusal(status, headers, endpoint, repo, revision, path, token != null);
    }

    boolean sameOrigin(URI uri) {
        return Objects.equals(lower(uri.getScheme()), lower(endpoint.getScheme()))
                && Objects.equals(lower(uri.getHost()), lower(endpoint.getHost()))
                && port(uri) == port(endpoint);
    }

    URI resolveUri(String repo, String revision, String path) {
        StringBuilder encodedPath = new StringBuilder();
        for (String segment : path.split("/")) {
            encodedPath.append('/').append(encode(segment));
        }
        return URI.create(endpoint + "/" + repo + "/resolve/" + encode(revision) + encodedPath);
    }

    /** Follows relative redirects only (renamed repositories), as huggingface_hub's HEAD does. */
    private <T> HttpResponse<T> followRelative(String method, URI uri, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest request = request(current).method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<T> response = send(request, handler);
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (status < 300 || status >= 400 || location == null || URI.create(location).getHost() != null
                    || hop >= MAX_REDIRECTS) {
                return response;
            }
            current = current.resolve(location);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(RESPONSE_TIMEOUT)
                .header("User-Agent", "tarjim")
                // the real size, never a compressed one
                .header("Accept-Encoding", "identity");
        if (token != null && sameOrigin(uri)) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("The request to " + request.uri() + " was interrupted.", e);
        }
    }

    /** {@code W/"abc"} and {@code "abc"} both become {@code abc}. */
    static String normalizeEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (a revision like refs/pr/1 too). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
