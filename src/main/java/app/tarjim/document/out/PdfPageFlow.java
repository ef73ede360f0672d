package app.tarjim.document.out;

import com.ibm.icu.text.BreakIterator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Flows paragraphs down A4 pages: wraps each paragraph by measured width at ICU line-break opportunities,
 * reorders every line into visual order, aligns right-to-left paragraphs to the right margin, and starts a
 * new page when the next line would not fit.
 */
final class PdfPageFlow {

    static final float MARGIN = 56;
    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    private static final float FOOTER_SIZE = 8;

    /** How a paragraph looks. */
    record Style(float size, Color colour, float leading, float spaceAfter) {
        static final Style TITLE = new Style(17, new Color(0x1A, 0x1A, 0x1A), 1.6f, 6);
        static final Style HEADING = new Style(13, new Color(0x33, 0x33, 0x33), 1.6f, 4);
        static final Style BODY = new Style(11, Color.BLACK, 1.5f, 4);
        static final Style ARABIC = new Style(12.5f, Color.BLACK, 1.75f, 2);
        static final Style NOTICE = new Style(10, new Color(0xC0, 0x00, 0x00), 1.5f, 6);
    }

    private final PDDocument document;
    private final PdfFonts fonts;
    private final float width = PAGE_SIZE.getWidth() - 2 * MARGIN;
    private PDPageContentStream stream;
    private float cursor;

    PdfPageFlow(PDDocument document, PdfFonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE_SIZE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        cursor = PAGE_SIZE.getHeight() - MARGIN;
    }

    void space(float points) {
        cursor -= points;
    }

    void paragraph(String logicalText, Style style, ShapedParagraph.Direction direction) throws IOException {
        if (logicalText == null || logicalText.isBlank()) {
            return;
        }
        ShapedParagraph paragraph = ShapedParagraph.of(logicalText.strip().replaceAll("\\s+", " "), direction);
        for (int[] line : wrap(paragraph.text(), style.size())) {
            String visual = paragraph.visualLine(line[0], line[1]);
            float lineHeight = style.size() * style.leading();
            if (stream == null || cursor - lineHeight < MARGIN) {
                newPage();
            }
            cursor -= lineHeight;
            float lineWidth = fonts.width(visual, style.size());
            float x = paragraph.rightToLeft() ? MARGIN + width - lineWidth : MARGIN;
            // The baseline sits a little above the bottom of the line box to leave room for descenders.
            draw(visual, x, cursor + style.size() * 0.4f, style.size(), style.colour());
        }
        cursor -= style.spaceAfter();
    }

    /** Closes the last page and stamps "page n of N" at the foot of every page. */
    void finish() throws IOException {
        if (stream == null) {
            newPage();
        }
        stream.close();
        stream = null;
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream = footer;
                String label = "page " + (i + 1) + " of " + total;
                float x = MARGIN + width - fonts.width(label, FOOTER_SIZE);
                draw(label, x, MARGIN / 2, FOOTER_SIZE, Color.GRAY);
            } finally {
                stream = null;
            }
        }
    }

    private void draw(String visual, float x, float baseline, float size, Color colour) throws IOException {
        stream.beginText();
        stream.setNonStrokingColor(colour);
        stream.newLineAtOffset(x, baseline);
        for (PdfFonts.Run run : fonts.runs(visual)) {
            stream.setFont(run.font(), size);
            stream.showText(run.text());
        }
        stream.endText();
    }

    /**
     * Line ranges [start, limit) of the logical text, trailing spaces excluded. Widths are additive, so
     * measuring in logical order gives the same width as the reordered line.
     */
    private List<int[]> wrap(String text, float size) {
        List<int[]> lines = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getLineInstance();
        breaks.setText(text);
        int lineStart = 0;
        int lastFit = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (fits(text, lineStart, end, size)) {
                lastFit = end;
                continue;
            }
            if (lastFit > lineStart) {
                lines.add(trimmed(text, lineStart, lastFit));
                lineStart = lastFit;
            }
            if (!fits(text, lineStart, end, size)) {
                // One unbreakable stretch wider than the line (a long URL): cut it between characters.
                lineStart = cutLongSegment(text, lineStart, end, size, lines);
            }
            lastFit = end;
        }
        if (lineStart < text.length()) {
            lines.add(trimmed(text, lineStart, text.length()));
        }
        return lines;
    }

    /** Emits full lines of [start, end) and returns where the rest, which fits, begins. */
    private int cutLongSegment(String text, int start, int end, float size, List<int[]> lines) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int lineStart = start;
        int previous = start;
        for (int next = characters.following(start); next != BreakIterator.DONE && next <= end;
             next = characters.next()) {
            if (!fits(text, lineStart, next, size) && previous > lineStart) {
                lines.add(new int[] {lineStart, previous});
                lineStart = previous;
            }
            previous = next;
        }
        return lineStart;
    }

    private boolean fits(String text, int start, int end, float size) {
        int[] range = trimmed(text, start, end);
        return fonts.width(text.substring(range[0], range[1]), size) <= width;
    }

    private static int[] trimmed(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, end};
    }
}
