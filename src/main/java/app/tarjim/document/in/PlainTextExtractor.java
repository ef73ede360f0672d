package app.tarjim.document.in;

/** .txt files: strict UTF-8, one paragraph per non-blank line. Plain text has no title. */
final class PlainTextExtractor {

    ExtractedDocument extract(byte[] bytes, String fileName) throws DocumentImportException {
        return new ExtractedDocument(null, Paragraphs.fromLines(Utf8Text.decode(bytes, fileName)));
    }
}
