package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code GET /api/models/{repo}/revision/{revision}?blobs=true} answers, the fields huggingface_hub's
 * {@code ModelInfo} reads.
 *
 * @param id       repository id
 * @param sha      the commit the revision resolved to
 * @param siblings the files of the repository at that commit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HubRepoInfo(String id, String sha, List<Sibling> siblings) {

    public HubRepoInfo {
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
    }

    /**
     * One file ({@code RepoSibling}).
     *
     * @param rfilename path inside the repository
     * @param size      size in bytes (with {@code blobs=true})
     * @param blobId    git blob id; for an LFS file, that of its pointer
     * @param lfs       set for files stored in LFS
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sibling(String rfilename, Long size, String blobId, Lfs lfs) {

        /** sha256 of the content when the hub knows it (LFS files only). */
        public Optional<String> sha256() {
            return Optional.ofNullable(lfs).map(Lfs::sha256);
        }
    }

    /** {@code BlobLfsInfo}: the content's sha256 and size, and the size of the git pointer file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lfs(String sha256, long size, long pointerSize) {
    }

    public Map<String, Sibling> byPath() {
        return siblings.stream().collect(Collectors.toMap(Sibling::rfilename, Function.identity(), (a, b) -> a));
    }
}
