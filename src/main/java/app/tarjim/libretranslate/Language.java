package app.tarjim.libretranslate;

import java.util.Locale;

/** The one pair Tarjim translates, as LibreTranslate names languages: {@code ar} (or {@code auto}) into {@code en}. */
enum Language {
    ARABIC, AUTO;

    static final String PAIR = "Tarjim translates Arabic (ar) into English (en)";

    static Language source(String code) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "ar" -> ARABIC;
            case "auto" -> AUTO;
            default -> throw LibreTranslateException.badRequest(code + " is not supported as a source language: " + PAIR);
        };
    }

    static void target(String code) {
        if (!code.strip().equalsIgnoreCase("en")) {
            throw LibreTranslateException.badRequest(code + " is not supported as a target language: " + PAIR);
        }
    }
}
