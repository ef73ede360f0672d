package app.tarjim.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the files under src/test/resources/pipeline. */
public final class TestResources {

    private TestResources() {
    }

    public static String text(String name) {
        try (InputStream in = TestResources.class.getResourceAsStream("/pipeline/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource pipeline/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        return text(name).lines().toList();
    }

    public static String seedArticle() {
        return text("aleppo-2016-12-04.ar.txt");
    }
}
