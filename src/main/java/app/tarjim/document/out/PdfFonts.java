package app.tarjim.document.out;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two embedded fonts of a PDF export: Noto Naskh Arabic (which also has the presentation forms that
 * shaping produces) and a Latin subset of Noto Sans. Splits text into runs so that each character is drawn
 * with a font that has it; spaces and punctuation stay in the font of the run around them.
 */
final class PdfFonts implements Closeable {

    private static final String ARABIC_RESOURCE = "/fonts/NotoNaskhArabic-Regular.ttf";
    private static final String LATIN_RESOURCE = "/fonts/NotoSans-Regular-Latin.ttf";
    private static final byte[] ARABIC_BYTES = resource(ARABIC_RESOURCE);
    private static final byte[] LATIN_BYTES = resource(LATIN_RESOURCE);

    /** A stretch of text drawn with one font. */
    record Run(PDType0Font font, String text) {
    }

    private final TrueTypeFont arabicFile;
    private final TrueTypeFont latinFile;
    private final CmapLookup arabicCmap;
    private final CmapLookup latinCmap;
    private final PDType0Font arabic;
    private final PDType0Font latin;

    /** Parses the fonts and registers subset-embedded copies with the document; close after saving it. */
    PdfFonts(PDDocument document) throws IOException {
        arabicFile = new TTFParser().parse(new RandomAccessReadBuffer(ARABIC_BYTES));
        latinFile = new TTFParser().parse(new RandomAccessReadBuffer(LATIN_BYTES));
        arabicCmap = arabicFile.getUnicodeCmapLookup();
        latinCmap = latinFile.getUnicodeCmapLookup();
        arabic = PDType0Font.load(document, arabicFile, true);
        latin = PDType0Font.load(document, latinFile, true);
    }

    /** Splits visual-order text into font runs; characters no font has become '?', invisible ones vanish. */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\t') {
                codePoint = ' ';
            }
            PDType0Font font = fontFor(codePoint, currentFont);
            if (font == null) {
                if (Character.getType(codePoint) == Character.FORMAT || Character.isISOControl(codePoint)) {
                    continue;
                }
                codePoint = '?';
                font = latin;
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(codePoint);
        }
        if (current.length() > 0) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    /** Width in points of the text at the given size. */
    float width(String text, float size) {
        float width = 0;
        for (Run run : runs(text)) {
            try {
                width += run.font().getStringWidth(run.text()) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return width;
    }

    private PDType0Font fontFor(int codePoint, PDType0Font current) {
        boolean hasArabic = arabicCmap.getGlyphId(codePoint) > 0;
        boolean hasLatin = latinCmap.getGlyphId(codePoint) > 0;
        if (ArabicScript.isArabic(codePoint) && hasArabic) {
            return arabic;
        }
        if (!Character.isLetter(codePoint) && current != null && (current == arabic ? hasArabic : hasLatin)) {
            return current;
        }
        if (hasLatin) {
            return latin;
        }
        return hasArabic ? arabic : null;
    }

    @Override
    public void close() throws IOException {
        try (arabicFile; latinFile) {
            // closes both font files, the second even if the first fails
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
