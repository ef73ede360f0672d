package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A model named in {@code models/registry.json}.
 *
 * @param id             stable key, e.g. {@code translation-fast}
 * @param task           translation or summarization
 * @param preset         the translation preset it serves; null for other tasks
 * @param folder         local folder under the models directory
 * @param repo           hub repository, {@code owner/name}
 * @param revision       commit (or branch when {@code revisionPinned} is false)
 * @param revisionPinned whether {@code revision} is a fixed commit
 * @param demoFolder     folder of the demo model that stands in when this one is missing
 * @param note           free text for maintainers
 * @param files          the files to fetch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelEntry(String id, ModelTask task, TranslationPreset preset, String folder, String repo,
                         String revision, boolean revisionPinned, String demoFolder, String note,
                         List<ModelFile> files) {

    public ModelEntry {
        files = List.copyOf(files);
    }

    public List<ModelFile> requiredFiles() {
        return files.stream().filter(file -> !file.isOptional()).toList();
    }
}
