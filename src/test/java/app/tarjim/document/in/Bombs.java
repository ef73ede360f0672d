package app.tarjim.document.in;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Small files that expand enormously, generated at test time so that none has to be committed. */
final class Bombs {

    private static final int MB = 1024 * 1024;

    private Bombs() {
    }

    /**
     * A valid .docx whose document.xml inflates to about xmlMegabytes. Each paragraph carries a random number,
     * so the part compresses to a few percent like real markup and passes POI's 1% inflate-ratio check.
     */
    static byte[] docx(int xmlMegabytes) {
        try (ByteArrayInputStream template = new ByteArrayInputStream(Fixtures.docx());
             ZipInputStream in = new ZipInputStream(template);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_SPEED); // quick to build; still compresses the markup to about 3.5%
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    writeDocumentXml(out, (long) xmlMegabytes * MB);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeDocumentXml(OutputStream out, long size) throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                .getBytes(StandardCharsets.UTF_8));
        Random random = new Random(17);
        StringBuilder chunk = new StringBuilder();
        long written = 0;
        while (written < size) {
            chunk.setLength(0);
            for (int i = 0; i < 1000; i++) {
                chunk.append("<w:p><w:pPr><w:bidi/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr>")
                        .append("<w:t>خبر عاجل رقم ").append(random.nextInt(100_000)).append("</w:t></w:r></w:p>");
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            written += bytes.length;
        }
        out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
    }

    /** A one-page PDF whose Flate-compressed content stream inflates to contentMegabytes of blank space. */
    static byte[] pdf(int contentMegabytes) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = content.createRawOutputStream();
                 DeflaterOutputStream deflated = new DeflaterOutputStream(raw)) {
                byte[] spaces = new byte[MB];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < contentMegabytes; i++) {
                    deflated.write(spaces);
                }
            }
            page.setContents(new PDStream(content));
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A tiny PDF whose page draws a form that draws the form below it fanOut times, depth levels deep, the
     * innermost showing one letter: fanOut^depth glyphs from a few hundred bytes of content.
     */
    static byte[] pdfOfNestedForms(int depth, int fanOut) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFormXObject form = form(document);
            try (PDFormContentStream content = new PDFormContentStream(form)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("x");
                content.endText();
            }
            for (int level = 0; level < depth; level++) {
                PDFormXObject outer = form(document);
                try (PDFormContentStream content = new PDFormContentStream(outer)) {
                    for (int i = 0; i < fanOut; i++) {
                        content.drawForm(form);
                    }
                }
                form = outer;
            }
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFormXObject form(PDDocument document) {
        PDFormXObject form = new PDFormXObject(document);
        form.setBBox(PDRectangle.LETTER);
        form.setResources(new PDResources());
        return form;
    }

    /** A one-page text PDF that also holds an ASCII85 stream of invalid characters that nothing draws. */
    static byte[] pdfWithDamagedStream(String text) {
        try (PDDocument document = Loader.loadPDF(Fixtures.latinPdf(text));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSStream junk = document.getDocument().createCOSStream();
            junk.setItem(COSName.FILTER, COSName.ASCII85_DECODE);
            try (OutputStream raw = junk.createRawOutputStream()) {
                raw.write(new byte[] {'!', '!', (byte) 0x80, '!', '!'}); // 0x80 is outside ASCII85's alphabet
            }
            document.getPage(0).getCOSObject().setItem(COSName.getPDFName("Junk"), junk);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
