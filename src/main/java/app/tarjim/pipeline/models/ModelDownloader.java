package app.tarjim.pipeline.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fetches a model repository from a Hugging Face hub into a model folder, as huggingface_hub's
 * {@code snapshot_download} does.
 * <ul>
 *   <li>One listing of the repository picks the commit and the files ({@link FileSelector}); every file is then
 *       fetched at that commit: {@code HEAD} for its metadata and location, {@code GET} from there (the CDN for
 *       large files, without the token).</li>
 *   <li>Each file is written to {@code <name>.part} and moved into place once complete and checked, so a file at
 *       its final path is always whole; a dropped connection keeps the part and the next try resumes it with an
 *       HTTP Range.</li>
 *   <li>Checks: the size; the sha256 (the registry's, the listing's LFS one, or {@code X-Linked-Etag}); for small
 *       files the git blob id. A mismatch deletes the part and starts over, up to
 *       {@link DownloadSettings#maxAttempts()} tries.</li>
 *   <li>Then {@link ModelLock} records the commit and every file's size and sha256; with a lock that fits,
 *       {@link #download} asks the hub nothing.</li>
 *   <li>Offline, nothing is requested: the missing files are reported instead.</li>
 * </ul>
 */
public final class ModelDownloader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final DownloadSettings settings;
    private final HubClient hub;
    private final FileSelector selector = new FileSelector();

    /** @param http a client that does not follow redirects ({@link #defaultHttpClient()}) */
    public ModelDownloader(HttpClient http, DownloadSettings settings) {
        this.settings = settings;
        this.hub = new HubClient(http, settings.baseUrl(), settings.token());
    }

    /**
     * Never follows redirects (the hub client decides which to follow and whether the token goes along), uses
     * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, and gives up connecting after 30 seconds.
     */
    public static HttpClient defaultHttpClient() {
        return httpClient(HubEnvironment.system());
    }

    public static HttpClient httpClient(HubEnvironment environment) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30));
        EnvironmentProxySelector proxies = new EnvironmentProxySelector(environment, ProxySelector.getDefault());
        if (proxies.configured()) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    public DownloadSettings settings() {
        return settings;
    }

    /**
     * Makes the model present in {@code targetDir}: nothing is asked of the hub when its lock fits and its files
     * are there (or, without a lock, when every required file of the registry is there).
     *
     * @param includeOptional fetch the fp32 graphs too
     * @throws ModelUnavailableException offline with files missing, or a file that could not be fetched
     */
    public void download(ModelEntry entry, Path targetDir, boolean includeOptional, DownloadListener listener) {
        if (isReady(entry, targetDir)) {
            return;
        }
        if (settings.offline()) {
            List<String> missing = missingOffline(entry, targetDir);
            throw new ModelUnavailableException(String.format(
                    "Offline: the model %s (%s) is missing %d file(s) in %s: %s; run once with network access, "
                            + "or copy the files there.",
                    entry.folder(), entry.repo(), missing.size(), targetDir, String.join(", ", missing)));
        }
        pull(entry, targetDir, settings.variant(), includeOptional, listener);
    }

    /** Whether {@code dir} holds the model: a lock that fits the entry with its files, or the registry's files. */
    public boolean isReady(ModelEntry entry, Path dir) {
        Optional<ModelLock> lock = ModelLock.read(dir);
        if (lock.isPresent()) {
            return lock.get().matches(entry) && lock.get().problems(dir).isEmpty();
        }
        return entry.requiredFiles().stream().allMatch(file -> Files.isRegularFile(dir.resolve(file.path())));
    }

    private static List<String> missingOffline(ModelEntry entry, Path dir) {
        Optional<ModelLock> lock = ModelLock.read(dir).filter(found -> found.matches(entry));
        if (lock.isPresent()) {
            return lock.get().problems(dir);
        }
        return entry.requiredFiles().stream().map(ModelFile::path)
                .filter(path -> !Files.isRegularFile(dir.resolve(path))).toList();
    }

    /**
     * Brings the folder to what the repository's revision holds now: lists it (one request), fetches what is
     * missing or different, and writes the lock. Files the old lock named that the new one does not are removed.
     *
     * @return the lock written
     */
    public ModelLock pull(ModelEntry entry, Path targetDir, OnnxVariant variant, boolean alsoFp32,
                          DownloadListener listener) {
        if (settings.offline()) {
            throw new ModelUnavailableException("Offline: cannot fetch " + entry.repo() + ".");
        }
        ensureWritable(targetDir);
        HubRepoInfo info = withRetries("the listing of " + entry.repo(),
                () -> hub.repoInfo(entry.repo(), entry.revision()));
        FilePlan plan = selector.select(entry, info, variant, alsoFp32);
        Progress progress = new Progress(entry.repo(), plan.files(), listener);
        List<ModelLock.LockedFile> locked = new ArrayList<>();
        for (int i = 0; i < plan.files().size(); i++) {
            PlannedFile file = plan.files().get(i);
            Optional<ModelLock.LockedFile> present = presentAndValid(targetDir, file);
            if (present.isPresent()) {
                progress.forFile(i).start(file.size(), file.size());
                locked.add(present.get());
            } else {
                locked.add(fetchWithRetries(entry.repo(), plan.commit(), file, targetDir, progress.forFile(i)));
            }
        }
        ModelLock lock = new ModelLock(ModelLock.SOURCE_HUB, entry.repo(), entry.revision(), plan.commit(),
                plan.variant().label(), locked);
        try {
            removeStale(targetDir, lock);
            lock.write(targetDir);
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot write the lock file in " + targetDir + ": " + e.getMessage(), e);
        }
        return lock;
    }

    /** The plan a pull would follow (one listing request), for showing what a pull would do. */
    public FilePlan plan(ModelEntry entry, OnnxVariant variant, boolean alsoFp32) {
        HubRepoInfo info = withRetries("the listing of " + entry.repo(),
                () -> hub.repoInfo(entry.repo(), entry.revision()));
        return selector.select(entry, info, variant, alsoFp32);
    }

    private static void ensureWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ModelUnavailableException("The model folder " + dir + " cannot be created (" + describe(e)
                    + "): choose a writable models folder with --models-dir or TARJIM_MODELS_DIR.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new ModelUnavailableException("The model folder " + dir
                    + " is not writable: choose a writable models folder with --models-dir or TARJIM_MODELS_DIR.");
        }
    }

    private static void removeStale(Path dir, ModelLock lock) throws IOException {
        Optional<ModelLock> old = ModelLock.read(dir);
        if (old.isEmpty()) {
            return;
        }
        Set<String> kept = lock.files().stream().map(ModelLock.LockedFile::path).collect(Collectors.toSet());
        for (ModelLock.LockedFile file : old.get().files()) {
            if (!kept.contains(file.path())) {
                Files.deleteIfExists(dir.resolve(file.path()));
            }
        }
    }

    /** A file already in place that matches the listing: not fetched again. */
    private static Optional<ModelLock.LockedFile> presentAndValid(Path dir, PlannedFile file) {
        Path target = dir.resolve(file.path());
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            FileDigests digests = FileDigests.of(target);
            boolean valid = (file.size() < 0 || digests.size() == file.size())
                    && (file.sha256() == null || file.sha256().equals(digests.sha256()))
                    && (file.sha256() != null || file.blobId() == null || file.blobId().equals(digests.gitBlobId()));
            return valid ? Optional.of(new ModelLock.LockedFile(file.path(), digests.size(), digests.sha256()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ModelLock.LockedFile fetchWithRetries(String repo, String commit, PlannedFile file, Path targetDir,
                                                  Progress.FileProgress progress) {
        Path target = targetDir.resolve(file.path());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause();
            }
            try {
                Files.createDirectories(target.getParent());
                // asked again on every try: a signed CDN URL may have expired meanwhile
                HubFileMetadata metadata = hub.fileMetadata(repo, commit, file.path());
                long expectedSize = file.size() >= 0 ? file.size() : metadata.size();
                fetchInto(repo, commit, file.path(), metadata.location(), part, expectedSize, progress);
                FileDigests digests = FileDigests.of(part);
                Optional<String> problem = mismatch(file, metadata, expectedSize, digests);
                if (problem.isPresent()) {
                    Files.deleteIfExists(part);
                    progress.restart();
                    lastProblem = problem.get();
                    continue;
                }
                moveIntoPlace(part, target);
                return new ModelLock.LockedFile(file.path(), digests.size(), digests.sha256());
            } catch (IOException e) {
                lastProblem = describe(e);
            }
        }
        throw new ModelUnavailableException(String.format("Cannot download %s after %d attempts: %s.",
                hub.resolveUri(repo, commit, file.path()), settings.maxAttempts(), lastProblem));
    }

    /** What is wrong with a downloaded part, if anything. A git blob id is never compared with a sha256. */
    private static Optional<String> mismatch(PlannedFile file, HubFileMetadata metadata, long expectedSize,
                                             FileDigests digests) {
        if (expectedSize >= 0 && digests.size() != expectedSize) {
            return Optional.of("it has " + digests.size() + " bytes, expected " + expectedSize);
        }
        String sha256 = file.sha256() != null ? file.sha256() : metadata.sha256();
        if (sha256 != null) {
            return sha256.equals(digests.sha256()) ? Optional.empty()
                    : Optional.of("its sha256 was " + digests.sha256() + ", expected " + sha256);
        }
        String blobId = file.blobId() != null ? file.blobId() : metadata.gitBlobId();
        if (blobId != null && !blobId.equals(digests.gitBlobId())) {
            return Optional.of("its git blob id was " + digests.gitBlobId() + ", expected " + blobId);
        }
        return Optional.empty();
    }

    /** One GET; appends to the part file when the server resumes. */
    private void fetchInto(String repo, String commit, String path, URI location, Path part, long expectedSize,
                           Progress.FileProgress progress) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (expectedSize >= 0 && have > expectedSize) {
            Files.delete(part);
            have = 0;
        }
        if (expectedSize >= 0 && have == expectedSize && have > 0) {
            progress.start(have, expectedSize);
            return;
        }
        HttpResponse<InputStream> response = hub.download(location, have);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long total;
            boolean append;
            if (status == 206) {
                total = resumedTotal(response, have);
                append = true;
            } else if (status == 200) {
                have = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(expectedSize);
                append = false;
            } else if (status == 416) {
                Files.deleteIfExists(part);
                throw new IOException("the server would not resume the partial file; starting over");
            } else if (hub.sameOrigin(response.uri())) {
                throw hub.failure(status, response.headers(), repo, commit, path);
            } else {
                throw new IOException("the download server " + response.uri().getHost() + " answered HTTP " + status);
            }
            progress.start(have, total);
            long written = copy(body, part, append, have, progress);
            if (total >= 0 && written != total) {
                throw new IOException("the connection closed after " + written + " of " + total + " bytes");
            }
        }
    }

    private <T> T withRetries(String what, IoCall<T> call) {
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause();
            }
            try {
                return call.run();
            } catch (IOException e) {
                if (unresolvable(e)) {
                    // No name service (a machine without network): asking again in a few seconds only delays the
                    // demo models and the message, so the first article does not wait for retries that cannot help.
                    throw new ModelUnavailableException(String.format("Cannot reach the hub at %s for %s: its name "
                            + "cannot be resolved (no network?). Install the models with tarjim models pull where "
                            + "there is network, or models import, and run with tarjim.pipeline.offline=true.",
                            hub.endpoint(), what), e);
                }
                lastProblem = describe(e);
            }
        }
        throw new ModelUnavailableException(String.format("Cannot reach the hub at %s for %s after %d attempts: %s.",
                hub.endpoint(), what, settings.maxAttempts(), lastProblem));
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    /**
     * The JDK's HTTP client reports a name it cannot resolve as a ConnectException caused by an
     * UnresolvedAddressException (other clients: UnknownHostException).
     */
    private static boolean unresolvable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "cannot connect" + (message == null ? "" : " (" + message + ")");
        }
        return message == null ? e.getClass().getSimpleName() : message;
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

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("The download was interrupted.", e);
        }
    }

    static String sha256(Path file) throws IOException {
        return FileDigests.of(file).sha256();
    }

    /** Adds up per-file progress into overall figures for the listener. */
    private static final class Progress {
        private final String repo;
        private final List<PlannedFile> files;
        private final DownloadListener listener;
        private final long[] bytes;
        private final long[] totals;

        Progress(String repo, List<PlannedFile> files, DownloadListener listener) {
            this.repo = repo;
            this.files = files;
            this.listener = listener;
            this.bytes = new long[files.size()];
            this.totals = files.stream().mapToLong(PlannedFile::size).toArray();
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
