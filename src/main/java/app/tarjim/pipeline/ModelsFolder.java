package app.tarjim.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where model folders live when {@code tarjim.models-dir} / {@code --models-dir} / {@code TARJIM_MODELS_DIR}
 * names none, the same for the web app and every command, so that {@code tarjim models pull} fills the folder
 * the server reads: {@code ./models} when it holds a {@code registry.json} (a source checkout, or an install
 * from before models moved under the data directory, whose downloads must not be fetched again), otherwise
 * {@code models} under the data directory.
 */
public final class ModelsFolder {

    static final String LEGACY = "models";

    private ModelsFolder() {
    }

    /**
     * @param configured the folder named by configuration, or null/blank for the default
     * @param dataDir    the data directory ({@code tarjim.data-dir})
     */
    public static Path resolve(String configured, String dataDir) {
        return resolve(configured, dataDir, Path.of(LEGACY));
    }

    static Path resolve(String configured, String dataDir, Path legacy) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        if (Files.isRegularFile(legacy.resolve("registry.json"))) {
            return legacy;
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir.strip()).resolve("models");
    }

    /** The default for command-line tools, which read the same environment variables as the server. */
    public static Path fromEnvironment(String configured) {
        String fromEnv = System.getenv("TARJIM_MODELS_DIR");
        return resolve(configured != null && !configured.isBlank() ? configured : fromEnv,
                System.getenv("TARJIM_DATA_DIR"));
    }
}
