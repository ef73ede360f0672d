package app.tarjim.pipeline.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fetches model files from a Hugging Face style hub into a model folder.
 * <ul>
 *   <li>Each file is written to {@code <name>.part} and moved into place atomically once complete and
 *       checked, so a file at its final path is always whole.</li>
 *   <li>A dropped connection keeps the part file; the next try asks for the rest with an HTTP Range.</li>
 *   <li>The content is checked against the manifest's sha256, or else the hub's {@code X-Linked-Etag}
 *       (sha256 of large files; it rides on the redirect to the CDN). A mismatch deletes the part file and
 *       starts over, up to {@link DownloadSettings#maxAttempts()} tries.</li>
 *   <li>Offline, nothing is requested: the missing files are reported instead.</li>
 * </ul>
 */
public final class ModelDownloader {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Longest wait for the response headers; a stalled body is not covered by it. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient http;
    private final DownloadSettings settings;

    public ModelDownloader(HttpClient http, DownloadSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** Follows redirects (the hub sends large files from a CDN) and gives up connecting after 30 seconds. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    public DownloadSettings settings() {
        return settings;
    }

    /**
     * Makes every required file of the model (and the optional ones when asked) present in {@code targetDir}.
     *
     * @throws ModelUnavailableException offline with files missing, or a file that could not be fetched
     */
    public void download(ModelEntry entry, Path targetDir, boolean includeOptional, DownloadListener listener) {
        List<ModelFile> files = includeOptional ? entry.files() : entry.requiredFiles();
        List<ModelFile> missing = files.stream().filter(file -> !isPresent(targetDir, file)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (settings.offline()) {
            throw new ModelUnavailableException(String.format(
                    "Offline: the model %s (%s) is missing %d file(s) in %s: %s. Run once with network access, "
                            + "or copy the files there.",
                    entry.folder(), entry.repo(), missing.size(), targetDir,
                    missing.stream().map(ModelFile::path).collect(Collectors.joining(", "))));
        }
        Progress progress = new Progress(entry.repo(), missing, listener);
        for (int i = 0; i < missing.size(); i++) {
            fetchWithRetries(entry, missing.get(i), targetDir, progress.forFile(i));
        }
    }

    private boolean isPresent(Path dir, ModelFile file) {
        Path target = dir.resolve(file.path());
        if (!Files.isRegularFile(target)) {
            return false;
        }
        return file.sha256() == null || file.sha256().equalsIgnoreCase(sha256Quietly(target));
    }

    private void fetchWithRetries(ModelEntry entry, ModelFile file, Path targetDir, Progress.FileProgress progress) {
        URI uri = uriOf(entry, file);
        Path target = targetDir.resolve(file.path());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause();
            }
            try {
                Files.createDirectories(target.getParent());
                Optional<String> linkedSha = fetchInto(uri, part, progress);
                Optional<String> expected = Optional.ofNullable(file.sha256()).map(String::toLowerCase).or(() -> linkedSha);
                if (expected.isPresent()) {
                    String actual = sha256(part);
                    if (!expected.get().equals(actual)) {
                        Files.deleteIfExists(part);
                        progress.restart();
                        lastProblem = "its sha256 was " + actual + ", expected " + expected.get();
                        continue;
                    }
                }
                moveIntoPlace(part, target);
                return;
            } catch (FatalResponse e) {
                throw new ModelUnavailableException("Cannot download " + uri + ": " + e.getMessage(), e);
            } catch (IOException e) {
                lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new ModelUnavailableException(String.format("Cannot download %s after %d attempts: %s",
                uri, settings.maxAttempts(), lastProblem));
    }

    /** One request; appends to the part file when the server resumes. Returns the hub's sha256, if sent. */
    private Optional<String> fetchInto(URI uri, Path part, Progress.FileProgress progress) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(RESPONSE_TIMEOUT)
                .header("User-Agent", "tarjim");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = send(request.build());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long total;
            boolean append;
            if (status == 206) {
                total = resumedTotal(response, have);
                append = true;
            } else if (status == 200) {
                have = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                append = false;
            } else if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("the server would not resume the partial file; starting over");
            } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new FatalResponse("HTTP " + status);
            } else {
                throw new IOException("HTTP " + status);
            }
            progress.start(have, total);
            long written = copy(body, part, append, have, progress);
            if (total >= 0 && written != total) {
                throw new IOException("the connection closed after " + written + " of " + total + " bytes");
            }
        }
        return linkedSha256(response);
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("The download of " + request.uri() + " was interrupted", e);
        }
    }

    private static long resumedTotal(HttpResponse<?> response, long have) throws IOException {
        String range = response.headers().firstValue("Content-Range").orElse("");
        var matcher = CONTENT_RANGE.matcher(range);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != have) {
            throw new IOException("the server resumed at the wrong place (Content-Range: " + range + ")");
        }
        return matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
    }

    private static long copy(InputStream body, Path part, boolean append, long have, Progress.FileProgress progress)
            throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long written = have;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                written += n;
                progress.advance(written);
            }
        }
        return written;
    }

    /** {@code X-Linked-Etag} of the response or of a redirect before it, when it is a sha256. */
    private static Optional<String> linkedSha256(HttpResponse<?> response) {
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            Optional<String> etag = r.headers().firstValue("X-Linked-Etag")
                    .map(value -> value.replace("W/", "").replace("\"", "").strip().toLowerCase());
            if (etag.isPresent() && SHA256.matcher(etag.get()).matches()) {
                return etag;
            }
        }
        return Optional.empty();
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private URI uriOf(ModelEntry entry, ModelFile file) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/" + entry.repo() + "/resolve/" + entry.revision() + "/" + file.path());
    }

    private void pause() {
        try {
            Thread.sleep(settings.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("The download was interrupted", e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Quietly(Path file) {
        try {
            return sha256(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A response that retrying will not change (404 and other client errors). */
    private static final class FatalResponse extends IOException {
        FatalResponse(String message) {
            super(message);
        }
    }

    /** Adds up per-file progress into overall figures for the listener. */
    private static final class Progress {
        private final String repo;
        private final List<ModelFile> files;
        private final DownloadListener listener;
        private final long[] bytes;
        private final long[] totals;

        Progress(String repo, List<ModelFile> files, DownloadListener listener) {
            this.repo = repo;
            this.files = files;
            this.listener = listener;
            this.bytes = new long[files.size()];
            this.totals = files.stream().mapToLong(file -> file.size() == null ? -1 : file.size()).toArray();
        }

        FileProgress forFile(int index) {
            return new FileProgress(index);
        }

        private void report(int index) {
            long overallBytes = 0;
            long overallTotal = 0;
            for (int i = 0; i < bytes.length; i++) {
                overallBytes += bytes[i];
                overallTotal = totals[i] < 0 || overallTotal < 0 ? -1 : overallTotal + totals[i];
            }
            listener.onProgress(new DownloadProgress(repo, files.get(index).path(), index, files.size(),
                    bytes[index], totals[index], overallBytes, overallTotal));
        }

        final class FileProgress {
            private final int index;

            FileProgress(int index) {
                this.index = index;
            }

            void start(long have, long total) {
                bytes[index] = have;
                if (total >= 0) {
                    totals[index] = total;
                }
                report(index);
            }

            void advance(long written) {
                bytes[index] = written;
                report(index);
            }

            void restart() {
                bytes[index] = 0;
                report(index);
            }
        }
    }
}
