package app.tarjim.document.in;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes every stream of a loaded PDF that text extraction may read, through PDFBox's own filters into a
 * counting sink, and stops once their decoded bytes together pass the budget. PDFBox itself decodes a
 * stream completely into memory before its first byte is used, so without this an 8 MB file whose content
 * stream inflates to 8 GB is inflated in full (it took 64 s of CPU) before anything can refuse it.
 * Images are skipped: text extraction never decodes them, and photographs legitimately inflate a lot.
 */
final class PdfStreamBudget {

    /** Filters that can make data bigger; image codecs are left alone (see above). */
    private static final Set<COSName> EXPANDING = Set.of(
            COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION, COSName.LZW_DECODE,
            COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION,
            COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE,
            COSName.ASCII_HEX_DECODE_ABBREVIATION);

    private final long maxBytes;
    private long used;

    private PdfStreamBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Throws {@link LimitExceededException} once the document's streams decode to more than maxBytes. */
    static void check(COSDocument document, long maxBytes) throws IOException {
        PdfStreamBudget budget = new PdfStreamBudget(maxBytes);
        List<Map.Entry<COSObjectKey, Long>> objects = new ArrayList<>(document.getXrefTable().entrySet());
        // Objects stored directly in the file first (a negative offset marks one inside an object stream):
        // they include the object streams, which PDFBox decodes in full to reach any object inside them.
        objects.sort(Comparator.comparing(entry -> entry.getValue() != null && entry.getValue() < 0));
        for (Map.Entry<COSObjectKey, Long> object : objects) {
            COSBase base = document.getObjectFromPool(object.getKey()).getObject();
            if (base instanceof COSStream stream && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                budget.measure(stream);
            }
        }
    }

    /**
     * Only running over the budget fails here. A stream that does not decode is left for PDFBox, which
     * skips what a page does not need: measuring must not make reading stricter than it was.
     */
    private void measure(COSStream stream) throws LimitExceededException {
        try {
            decode(stream);
        } catch (LimitExceededException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // damaged or unsupported data: what it decoded before failing is already counted
        }
    }

    private void decode(COSStream stream) throws IOException {
        List<COSName> filters = expandingFilters(stream.getFilters());
        if (filters.isEmpty()) {
            return; // unfiltered or image-coded data is no bigger than the file, which has its own limit
        }
        InputStream input = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                // Only a chain of several filters needs the middle stages kept, and those count too.
                ByteArrayOutputStream kept = last ? null : new ByteArrayOutputStream();
                OutputStream counted = new CountingSink(kept);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(input, counted, stream, i);
                input.close();
                input = last ? InputStream.nullInputStream() : new ByteArrayInputStream(kept.toByteArray());
            }
        } finally {
            input.close();
        }
    }

    /** The leading filters of the chain that expand data; decoding stops at the first image codec. */
    private static List<COSName> expandingFilters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        List<COSName> expanding = new ArrayList<>();
        for (COSName name : names) {
            if (!EXPANDING.contains(name)) {
                break;
            }
            expanding.add(name);
        }
        return expanding;
    }

    /** Counts decoded bytes against the document's budget, optionally keeping them for the next filter. */
    private final class CountingSink extends OutputStream {

        private final OutputStream kept;

        private CountingSink(OutputStream kept) {
            this.kept = kept;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        private void count(int bytes) throws LimitExceededException {
            used += bytes;
            if (used > maxBytes) {
                throw new LimitExceededException("decoded PDF streams exceed " + maxBytes + " bytes");
            }
        }
    }
}
