package app.tarjim.pipeline.models;

/**
 * Where a model download stands. Totals are -1 while unknown (before the server has said a size).
 *
 * @param repo          hub repository
 * @param file          path of the file being fetched
 * @param fileIndex     its position among the files to fetch, from 0
 * @param fileCount     number of files to fetch
 * @param fileBytes     bytes of this file on disk so far (a resumed part included)
 * @param fileTotal     size of this file, or -1
 * @param overallBytes  bytes of all files on disk so far
 * @param overallTotal  size of all files, or -1 while any is unknown
 */
public record DownloadProgress(String repo, String file, int fileIndex, int fileCount,
                               long fileBytes, long fileTotal, long overallBytes, long overallTotal) {
}
