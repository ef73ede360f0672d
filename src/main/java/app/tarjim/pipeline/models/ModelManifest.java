package app.tarjim.pipeline.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The content of {@code models/registry.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(String comment, String hubBaseUrl, List<ModelEntry> models) {

    public ModelManifest {
        models = List.copyOf(models);
    }
}
