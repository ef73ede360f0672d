package app.tarjim.pipeline.models;

import java.util.List;

/**
 * What to fetch of a repository at one commit.
 *
 * @param commit  the commit every file is fetched at
 * @param variant the ONNX variant chosen
 * @param note    why the variant differs from the one asked for; null when it does not
 * @param files   the files, small ones first
 */
public record FilePlan(String commit, OnnxVariant variant, String note, List<PlannedFile> files) {

    public FilePlan {
        files = List.copyOf(files);
    }

    public long totalSize() {
        return files.stream().mapToLong(PlannedFile::size).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
    }
}
