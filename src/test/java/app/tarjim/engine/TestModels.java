package app.tarjim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Paths of the test fixtures made by tools/fixtures, and copies of them to break. */
final class TestModels {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path FIXTURES = ROOT.resolve("src/test/resources/fixtures");

    private TestModels() {
    }

    static Path marianTiny() {
        return Path.of(System.getProperty("tarjim.test.marian",
                FIXTURES.resolve("models/marian-tiny-random").toString()));
    }

    static Path bartTiny() {
        return Path.of(System.getProperty("tarjim.test.bart", FIXTURES.resolve("models/bart-tiny-random").toString()));
    }

    static Path brokenTokenizer(String name) {
        return FIXTURES.resolve("tokenizers").resolve(name);
    }

    /** Copies a model folder (small test models only) so a test can damage the copy. */
    static Path copy(Path modelDir, Path target) {
        try (Stream<Path> files = Files.walk(modelDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(modelDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
