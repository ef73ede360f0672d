package app.tarjim.document.in;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The single-document formats the importer reads, recognised by file extension or content type. */
public enum DocumentType {
    TEXT(List.of("txt"), List.of("text/plain")),
    HTML(List.of("html", "htm"), List.of("text/html", "application/xhtml+xml")),
    DOCX(List.of("docx"), List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    PDF(List.of("pdf"), List.of("application/pdf"));

    private final List<String> extensions;
    private final List<String> contentTypes;

    DocumentType(List<String> extensions, List<String> contentTypes) {
        this.extensions = extensions;
        this.contentTypes = contentTypes;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The extension decides; the content type is only consulted when the name has no known extension. */
    public static Optional<DocumentType> detect(String fileName, String contentType) {
        Optional<DocumentType> byName = fromFileName(fileName);
        if (byName.isPresent() || contentType == null) {
            return byName;
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentTypes.contains(bare)).findFirst();
    }

    public static Optional<DocumentType> fromFileName(String fileName) {
        String extension = FileNames.extension(fileName);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }

    /** ".txt, .html, .htm, .docx, .pdf" — for messages that tell people what they can upload. */
    public static String supportedList() {
        return Arrays.stream(values())
                .flatMap(t -> t.extensions.stream())
                .map(e -> "." + e)
                .collect(Collectors.joining(", "));
    }
}
