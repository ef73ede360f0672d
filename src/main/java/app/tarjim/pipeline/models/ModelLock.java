package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What a model folder holds, written after a complete download or import as {@value #FILE_NAME}: later starts
 * trust it and ask the hub nothing.
 *
 * @param source   {@code hub} or {@code import}
 * @param repo     hub repository (for an import: the registry's, which it stands for)
 * @param revision revision asked for (branch, tag or commit); {@code import} for an import
 * @param commit   commit the files came from; null for an import
 * @param variant  ONNX variant of the graphs
 * @param files    every file, with its size and sha256
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelLock(String source, String repo, String revision, String commit, String variant,
                        List<LockedFile> files) {

    public static final String FILE_NAME = "tarjim-lock.json";
    public static final String SOURCE_HUB = "hub";
    public static final String SOURCE_IMPORT = "import";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelLock {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** @param path path inside the model folder; {@code size} in bytes; {@code sha256} lower-case hex */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LockedFile(String path, long size, String sha256) {
    }

    /** The lock of {@code dir}; empty when there is none or it cannot be read (then the folder is not trusted). */
    public static Optional<ModelLock> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ModelLock.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a lock. */
    public void write(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Path temp = dir.resolve(FILE_NAME + ".part");
        JSON.writeValue(temp.toFile(), this);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Files missing from {@code dir} or of another size than locked; a cheap check, no hashing. */
    public List<String> problems(Path dir) {
        return files.stream().map(file -> {
            Path path = dir.resolve(file.path());
            try {
                if (!Files.isRegularFile(path)) {
                    return file.path() + " is missing";
                }
                long size = Files.size(path);
                return size == file.size() ? null : file.path() + " has " + size + " bytes, not " + file.size();
            } catch (IOException e) {
                return file.path() + " cannot be read";
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether the lock describes this registry entry: same repository, and the pinned commit when there is one. */
    public boolean matches(ModelEntry entry) {
        if (SOURCE_IMPORT.equals(source)) {
            return true;
        }
        if (!entry.repo().equals(repo)) {
            return false;
        }
        return !entry.revisionPinned() ? entry.revision().equals(revision) : entry.revision().equals(commit);
    }
}
