package app.tarjim.document.in;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding for text inputs (.txt, CSV, JSONL). Replacing bad bytes silently would feed mojibake
 * to the translator, so invalid UTF-8 and binary content are refused with a message that names the file.
 */
public final class Utf8Text {

    private static final char BOM = '\uFEFF';

    private Utf8Text() {
    }

    /** Decodes, strips a leading byte order mark, and refuses invalid UTF-8 or binary data. */
    public static String decode(byte[] bytes, String fileName) throws DocumentImportException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw new DocumentImportException(fileName, fileName + " is not valid UTF-8 text"
                    + firstBadByte(bytes) + ". Save it as UTF-8 (or upload it as .docx, .html or .pdf).", e);
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (looksBinary(text)) {
            throw new DocumentImportException(fileName,
                    fileName + " looks like a binary file, not text: it contains control characters.");
        }
        return text;
    }

    /**
     * NUL never occurs in text; a handful of other C0 controls can (form feeds in old files), so only a
     * noticeable share of them counts as binary.
     */
    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > 0 && controls * 100L > text.length();
    }

    private static String firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        if (decoder.decode(in, out, true).isError()) {
            return " (first bad byte at offset " + in.position() + ")";
        }
        return "";
    }
}
