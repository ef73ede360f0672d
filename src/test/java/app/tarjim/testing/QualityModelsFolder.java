package app.tarjim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A models folder (registry.json and model folders, as {@code tarjim.models-dir} expects) whose quality roles hold
 * test models: the tiny random NLLB fixture as {@code Xenova/nllb-200-distilled-600M}, and, when asked, the demo
 * summarizer as {@code Xenova/distilbart-cnn-12-6}.
 */
public final class QualityModelsFolder {

    public static final Path NLLB_FIXTURE = Path.of("src/test/resources/fixtures/models/nllb-tiny-random");
    /** The folder the registry gives the quality translation model. */
    public static final String NLLB_FOLDER = "nllb-200-distilled-600M";

    private QualityModelsFolder() {
    }

    /** Writes the folder into {@code dir} and returns it. */
    public static Path in(Path dir, boolean qualitySummarizer) {
        try {
            Files.createDirectories(dir);
            Files.copy(Path.of("models/registry.json"), dir.resolve("registry.json"));
            copyTree(NLLB_FIXTURE, dir.resolve(NLLB_FOLDER));
            if (qualitySummarizer) {
                copyTree(Path.of("models/demo/bart-summarizer-demo"), dir.resolve("distilbart-cnn-12-6"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary folder, for a Spring context's properties (made before any test method runs). */
    public static Path temporary(boolean qualitySummarizer) {
        try {
            return in(Files.createTempDirectory("tarjim-quality-models"), qualitySummarizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
