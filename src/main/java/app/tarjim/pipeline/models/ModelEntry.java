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
 * @param licence        the model's licence (SPDX-style id, e.g. {@code CC-BY-NC-4.0}); null when not given
 * @param optIn          fetched only when named ({@code models pull ROLE}) or its preset is chosen, never by a
 *                       plain {@code models pull}: e.g. a non-commercial licence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelEntry(String id, ModelTask task, TranslationPreset preset, String folder, String repo,
                         String revision, boolean revisionPinned, String demoFolder, String note,
                         List<ModelFile> files, String licence, boolean optIn) {

    public ModelEntry {
        files = List.copyOf(files);
    }

    public ModelEntry(String id, ModelTask task, TranslationPreset preset, String folder, String repo, String revision,
                      boolean revisionPinned, String demoFolder, String note, List<ModelFile> files) {
        this(id, task, preset, folder, repo, revision, revisionPinned, demoFolder, note, files, null, false);
    }

    /** Whether the licence forbids commercial use (a {@code -NC} licence). */
    public boolean nonCommercial() {
        return licence != null && licence.toUpperCase(java.util.Locale.ROOT).contains("-NC");
    }

    /** "CC-BY-NC-4.0, non-commercial use only", "Apache-2.0", or "licence not given". */
    public String licenceText() {
        if (licence == null || licence.isBlank()) {
            return "licence not given";
        }
        return nonCommercial() ? licence + ", non-commercial use only" : licence;
    }

    public List<ModelFile> requiredFiles() {
        return files.stream().filter(file -> !file.isOptional()).toList();
    }
}
