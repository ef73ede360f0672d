package app.tarjim.pipeline;

import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.ResolvedModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelWarmupTest {

    private final Map<Path, FakeGenerator> opened = new HashMap<>();
    private final LoadedModels loaded = new LoadedModels(dir -> opened.computeIfAbsent(dir, d -> FakeGenerator.echo(512)));

    private static ModelResolution resolution() {
        return new ModelResolution(new ResolvedModel(null, Path.of("/models/translation"), false, null),
                new ResolvedModel(null, Path.of("/models/summary"), false, null));
    }

    @Test
    void loadsEveryModelOnceAndRunsOneShortGenerationWithEach() {
        assertThat(new ModelWarmup(loaded).warm(resolution())).isPresent();

        assertThat(opened).hasSize(2);
        opened.values().forEach(generator -> {
            assertThat(generator.calls()).hasSize(1);
            assertThat(generator.calls().get(0).inputs()).containsExactly(ModelWarmup.SAMPLE);
            assertThat(generator.calls().get(0).overrides().maxNewTokens()).isLessThanOrEqualTo(8);
        });
        // The article that follows gets the very same, already loaded generator.
        assertThat(loaded.get(Path.of("/models/translation"))).isSameAs(opened.get(Path.of("/models/translation")));
    }

    @Test
    void aModelThatCannotLoadIsReportedNotThrown() {
        LoadedModels broken = new LoadedModels(dir -> {
            throw new IOException("config.json is missing");
        });
        assertThat(new ModelWarmup(broken).warm(resolution())).isEmpty();
    }
}
