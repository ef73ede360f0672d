package app.tarjim.pipeline.models;

import java.nio.file.Path;

/**
 * The folder to load a model from.
 *
 * @param entry     the registry entry asked for
 * @param directory the real model's folder, or the demo model's when {@code demo}
 * @param demo      whether a demo model stands in for the real one
 * @param reason    why the demo stands in (what was missing, why it could not be fetched); null otherwise
 */
public record ResolvedModel(ModelEntry entry, Path directory, boolean demo, String reason) {
}
