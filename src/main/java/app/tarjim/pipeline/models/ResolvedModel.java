package app.tarjim.pipeline.models;

import java.nio.file.Path;

/**
 * The folder to load a model from.
 *
 * @param entry     the registry entry of the model loaded (the fast one when it stands in for the quality one)
 * @param directory the real model's folder, or the demo model's when {@code demo}
 * @param demo      whether a demo model stands in for the real one
 * @param reason    for users, why a stand-in is used (the demo, or the fast model for the quality one: what was
 *                  missing, why it could not be fetched); null when the model asked for is used
 */
public record ResolvedModel(ModelEntry entry, Path directory, boolean demo, String reason) {
}
