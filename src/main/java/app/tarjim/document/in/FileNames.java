package app.tarjim.document.in;

import java.util.Locale;

/** Small helpers for file names that may come from Windows or from inside archives. */
final class FileNames {

    private FileNames() {
    }

    /** The last path segment, accepting both '/' and '\' as separators. */
    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String normalised = name.replace('\\', '/');
        return normalised.substring(normalised.lastIndexOf('/') + 1);
    }

    /** Lower-case extension without the dot, or "" when there is none. */
    static String extension(String name) {
        String base = baseName(name);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The base name without its extension: "news/a-1.docx" gives "a-1". */
    static String stem(String name) {
        String base = baseName(name);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? base : base.substring(0, dot);
    }

    static String describeSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
