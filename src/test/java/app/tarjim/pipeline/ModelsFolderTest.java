package app.tarjim.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsFolderTest {

    @Test
    void aConfiguredFolderWins() {
        assertThat(ModelsFolder.resolve("/srv/models", "./data")).isEqualTo(Path.of("/srv/models"));
    }

    @Test
    void withoutOneTheModelsFolderOfTheWorkingDirectoryIsUsedWhenItHoldsARegistry() {
        // Tests run from the repository root, whose models/ holds registry.json and the demo models.
        assertThat(ModelsFolder.resolve("", "/var/lib/tarjim")).isEqualTo(Path.of("models"));
    }

    @Test
    void elsewhereModelsLiveUnderTheDataDirectory(@TempDir Path elsewhere) throws Exception {
        Path noRegistry = Files.createDirectories(elsewhere.resolve("models"));
        assertThat(ModelsFolder.resolve(null, "/var/lib/tarjim", noRegistry)).isEqualTo(Path.of("/var/lib/tarjim/models"));
        assertThat(ModelsFolder.resolve(" ", "", elsewhere.resolve("absent"))).isEqualTo(Path.of("./data/models"));
    }
}
