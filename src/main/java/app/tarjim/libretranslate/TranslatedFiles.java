package app.tarjim.libretranslate;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Translated files waiting to be downloaded from {@code /download_file/{name}}, in memory: the newest
 * {@code tarjim.libretranslate.kept-files}, older ones dropped. A name starts with a random UUID, so it
 * cannot be guessed; what follows is the uploaded file's name, which LibreTranslate gives back on download.
 */
@Component
class TranslatedFiles {

    record TranslatedFile(String downloadName, String contentType, byte[] bytes) {
    }

    private final Map<String, TranslatedFile> files;

    TranslatedFiles(LibreTranslateProperties properties) {
        int kept = properties.keptFiles();
        this.files = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TranslatedFile> eldest) {
                return size() > kept;
            }
        };
    }

    /** Keeps the file and answers the name to download it by. */
    synchronized String put(TranslatedFile file) {
        String name = UUID.randomUUID() + "." + file.downloadName();
        files.put(name, file);
        return name;
    }

    synchronized Optional<TranslatedFile> get(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
