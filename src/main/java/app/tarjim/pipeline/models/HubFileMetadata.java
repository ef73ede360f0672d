package app.tarjim.pipeline.models;

import java.net.URI;

/**
 * What a {@code HEAD …/resolve/{revision}/{path}} says about a file (huggingface_hub's {@code HfFileMetadata}).
 *
 * @param commit   {@code X-Repo-Commit}
 * @param etag     {@code X-Linked-Etag}, else {@code ETag}, without {@code W/} and quotes
 * @param linked   whether the etag came from {@code X-Linked-Etag}: then it is the sha256 of an LFS file;
 *                 otherwise it is a git blob id and must never be compared with a sha256
 * @param size     {@code X-Linked-Size}, else the {@code Content-Length} of a non-redirect answer; -1 when unknown
 * @param location where to fetch the content: the CDN URL of a redirect, else the (possibly renamed) hub URL
 */
public record HubFileMetadata(String commit, String etag, boolean linked, long size, URI location) {

    /** The sha256 of the content, when the hub sent one. */
    public String sha256() {
        return linked && etag != null && etag.matches("[0-9a-f]{64}") ? etag : null;
    }

    /** The git blob id of a small file, when the hub sent one. */
    public String gitBlobId() {
        return !linked && etag != null && etag.matches("[0-9a-f]{40}") ? etag : null;
    }
}
