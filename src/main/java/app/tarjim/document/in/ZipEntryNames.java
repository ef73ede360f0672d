package app.tarjim.document.in;

import java.util.Locale;
import java.util.regex.Pattern;

/** Judges ZIP entry names before anything is read from them. */
final class ZipEntryNames {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private ZipEntryNames() {
    }

    /**
     * Absolute names and names that climb out with ".." are how "zip slip" archives escape their folder.
     * Nothing here writes files, but such an archive is hostile or broken, so its entries are refused.
     */
    static boolean isUnsafe(String name) {
        String normalised = name.replace('\\', '/');
        if (normalised.startsWith("/") || DRIVE_LETTER.matcher(normalised).matches() || name.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : normalised.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** macOS resource forks (__MACOSX/, ._x), dot files and Office lock files (~$x.docx) are not articles. */
    static boolean isIgnorable(String name) {
        String normalised = name.replace('\\', '/');
        if (normalised.endsWith("/")) {
            return true;
        }
        for (String segment : normalised.split("/")) {
            if (segment.equals("__MACOSX") || segment.startsWith(".") || segment.startsWith("~$")) {
                return true;
            }
        }
        String base = FileNames.baseName(normalised).toLowerCase(Locale.ROOT);
        return base.equals("thumbs.db") || base.equals("desktop.ini");
    }
}
