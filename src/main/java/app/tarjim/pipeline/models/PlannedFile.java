package app.tarjim.pipeline.models;

/**
 * A file chosen for download, with what the repository listing says of it.
 *
 * @param path   path inside the repository (and the model folder)
 * @param size   size in bytes, -1 when the listing did not say
 * @param sha256 content hash: the registry's, else the LFS one; null for small files
 * @param blobId git blob id of a small (non-LFS) file; null otherwise
 */
public record PlannedFile(String path, long size, String sha256, String blobId) {
}
