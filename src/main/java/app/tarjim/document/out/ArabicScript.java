package app.tarjim.document.out;

/** Which characters are Arabic script, for choosing direction and fonts. */
final class ArabicScript {

    private ArabicScript() {
    }

    static boolean isArabic(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF)   // Arabic
                || (codePoint >= 0x0750 && codePoint <= 0x077F) // Arabic Supplement
                || (codePoint >= 0x0870 && codePoint <= 0x08FF) // Arabic Extended-B and -A
                || (codePoint >= 0xFB50 && codePoint <= 0xFDFF) // Presentation Forms-A
                || (codePoint >= 0xFE70 && codePoint <= 0xFEFF); // Presentation Forms-B
    }

    static boolean contains(String text) {
        return text != null && text.codePoints().anyMatch(ArabicScript::isArabic);
    }
}
