package app.tarjim.pipeline.models;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The registry and demo models the application carries under {@code models/} on its classpath, so that
 * {@code java -jar} works from any working directory. Demo folders inside a jar are extracted once into a cache
 * folder (the native runtime needs real files); on the file system they are used where they are.
 */
public final class ClasspathModels {

    static final String ROOT = "models/";
    private static final String COMPLETE_MARKER = ".extracted-from";

    private final ClassLoader loader;
    private final Path cacheDir;

    public ClasspathModels(ClassLoader loader, Path cacheDir) {
        this.loader = loader;
        this.cacheDir = cacheDir;
    }

    /** Where demo models are extracted when no other place is given: {@code $TARJIM_DATA_DIR/model-cache}, else
     * {@code ~/.cache/tarjim/models}. */
    public static Path defaultCacheDir() {
        String dataDir = System.getenv("TARJIM_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).toAbsolutePath().resolve("model-cache");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tarjim", "models");
    }

    /** The carried {@code models/registry.json}, when there is one. */
    public Optional<InputStream> registry() {
        return Optional.ofNullable(loader.getResourceAsStream(ROOT + ModelRegistry.MANIFEST_FILE));
    }

    /**
     * The carried folder {@code models/<folder>}, as a real folder.
     *
     * @throws ModelUnavailableException when it is carried but cannot be extracted
     */
    public Optional<Path> folder(String folder) {
        URL config = loader.getResource(ROOT + folder + "/config.json");
        if (config == null) {
            return Optional.empty();
        }
        try {
            if (config.getProtocol().equals("file")) {
                return Optional.of(Path.of(config.toURI()).getParent());
            }
            URLConnection connection = config.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return Optional.of(extract(jar, folder, config));
            }
        } catch (IOException | URISyntaxException e) {
            throw new ModelUnavailableException("Cannot extract the demo model " + folder + " into " + cacheDir
                    + " (" + e.getMessage() + "): make the data folder writable or set TARJIM_DATA_DIR.", e);
        }
        return Optional.empty();
    }

    /** Copies every entry under the folder into the cache once; a marker names the jar it came from. */
    private Path extract(JarURLConnection connection, String folder, URL config) throws IOException {
        Path target = cacheDir.resolve(folder);
        String source = config.toExternalForm();
        Path marker = target.resolve(COMPLETE_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(source)) {
            return target;
        }
        connection.setUseCaches(false);
        String configEntry = connection.getEntryName();
        String prefix = configEntry.substring(0, configEntry.length() - "config.json".length());
        Path staging = target.resolveSibling(target.getFileName() + ".extracting");
        ModelImporter.deleteTree(staging);
        Files.createDirectories(staging);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || name.contains("..")) {
                    continue;
                }
                Path to = staging.resolve(name.substring(prefix.length()));
                Files.createDirectories(to.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(staging.resolve(COMPLETE_MARKER), source, StandardCharsets.UTF_8);
        ModelImporter.deleteTree(target);
        Files.createDirectories(target.getParent());
        Files.move(staging, target);
        return target;
    }
}
