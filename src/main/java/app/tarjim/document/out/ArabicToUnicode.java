package app.tarjim.document.out;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes shaped Arabic in a saved PDF searchable. The PDF draws Arabic as presentation forms (U+FE8D...),
 * and PDFBox writes each glyph's ToUnicode entry as the character that was drawn, so extractors such as
 * pdftotext return presentation forms that no search for "حلب" matches. This rewrites
 * the ToUnicode maps so each such glyph stands for the letter (or, for lam-alef and other ligatures, the
 * letters in logical order) it shows. The drawing is untouched.
 *
 * <p>Why not {@code /ActualText} spans with the logical text: extractors already turn the visual glyph order
 * back into logical order, and poppler lays a span's text out left to right and then reverses it with the
 * line, so pdftotext printed every such span backwards. Per-glyph letters avoid that. A ligature maps to
 * its letters in logical order (lam, then alef), the usual convention and how PDFBox reads it; pdftotext
 * (poppler 22) swaps those two letters, as it does in any PDF that maps ligatures so.
 *
 * <p>It works on the saved bytes because PDFBox builds a subset font's ToUnicode map only while saving.
 */
final class ArabicToUnicode {

    private static final int CODES_PER_BLOCK = 100; // the most one bfchar block may hold

    private ArabicToUnicode() {
    }

    /** The PDF with every font's presentation forms mapped back to letters. */
    static byte[] toLetters(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    COSDictionary font = resources.getFont(name).getCOSObject();
                    COSStream toUnicode = font.getCOSStream(COSName.TO_UNICODE);
                    if (toUnicode == null || !seen.add(toUnicode)) {
                        continue;
                    }
                    Map<Integer, String> mapping = read(toUnicode);
                    if (mapping.values().stream().anyMatch(ArabicToUnicode::hasPresentationForm)) {
                        mapping.replaceAll((code, text) -> letters(text));
                        font.setItem(COSName.TO_UNICODE, write(document, mapping));
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The text with presentation forms decomposed to the letters they show, in logical order. */
    static String letters(String text) {
        if (!hasPresentationForm(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 2);
        text.codePoints().forEach(c -> {
            String s = Character.toString(c);
            // NFKC turns a spacing mark form such as U+FE70 into space + mark: the glyph is only the mark.
            out.append(isPresentationForm(c) ? Normalizer.normalize(s, Normalizer.Form.NFKC).strip() : s);
        });
        return out.toString();
    }

    private static boolean hasPresentationForm(String text) {
        return text.codePoints().anyMatch(ArabicToUnicode::isPresentationForm);
    }

    private static boolean isPresentationForm(int c) {
        return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
    }

    /** Two-byte code to text, as the embedded fonts (Identity-H) are written. */
    private static Map<Integer, String> read(COSStream toUnicode) throws IOException {
        CMap cmap;
        try (InputStream in = toUnicode.createInputStream()) {
            cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        Map<Integer, String> mapping = new TreeMap<>();
        for (int code = 0; code <= 0xFFFF; code++) {
            String text = cmap.toUnicode(code, 2);
            if (text != null) {
                mapping.put(code, text);
            }
        }
        return mapping;
    }

    private static COSStream write(PDDocument document, Map<Integer, String> mapping) throws IOException {
        StringBuilder cmap = new StringBuilder()
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = mapping.entrySet().stream().toList();
        for (int start = 0; start < entries.size(); start += CODES_PER_BLOCK) {
            var block = entries.subList(start, Math.min(entries.size(), start + CODES_PER_BLOCK));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                cmap.append(String.format("<%04X> <", entry.getKey()));
                for (char c : entry.getValue().toCharArray()) {
                    cmap.append(String.format("%04X", (int) c));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream stream = new PDStream(document,
                new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)),
                COSName.FLATE_DECODE);
        return stream.getCOSObject();
    }
}
