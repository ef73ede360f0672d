package app.tarjim.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import java.util.function.BiConsumer;

/** One CSV file per upload, read in memory and handed over on the UI thread: the glossary box and page share it. */
final class CsvUploads {

    private CsvUploads() {
    }

    /**
     * @param maxChars longest CSV text taken (the file may hold up to four bytes a character)
     * @param onFile   gets the file name and bytes, inside {@code UI.access}
     */
    static void accept(Upload upload, int maxChars, BiConsumer<String, byte[]> onFile) {
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = upload.getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> onFile.accept(metadata.fileName(), bytes));
            }
        }));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxChars * 4);
    }

    /** The file as UTF-8 text; empty when it is not (a spreadsheet saved in a legacy code page, a binary file). */
    static java.util.Optional<String> utf8(byte[] bytes) {
        try {
            return java.util.Optional.of(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
