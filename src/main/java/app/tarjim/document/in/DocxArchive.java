package app.tarjim.document.in;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;

/**
 * Opens a .docx as a ZIP and inflates every part once through a counting buffer before POI sees any of it,
 * so a part that expands past {@link DocumentLimits#maxPartBytes()} is refused after reading that many bytes
 * in a fixed 64 KB buffer instead of after POI has built it into memory. The caller hands the returned
 * archive to POI, which therefore reads exactly the entries that were measured (not a second, streaming view
 * of the same bytes that a crafted file could make disagree with the central directory).
 */
final class DocxArchive {

    private DocxArchive() {
    }

    /** The checked archive, open; the caller closes it (POI does, when it owns it). */
    static ZipFile openChecked(byte[] bytes, String fileName, DocumentLimits limits)
            throws IOException, DocumentImportException {
        ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        try {
            check(zip, fileName, limits);
            return zip;
        } catch (IOException | DocumentImportException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static void check(ZipFile zip, String fileName, DocumentLimits limits)
            throws IOException, DocumentImportException {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > limits.maxPackageParts()) {
            throw refused(fileName, fileName + " holds more than " + limits.maxPackageParts()
                    + " parts; it was refused to protect the server.");
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (ZipArchiveEntry entry : entries) {
            if (entry.isDirectory()) {
                continue;
            }
            if (!zip.canReadEntryData(entry)) {
                throw new IOException("unreadable entry " + entry.getName());
            }
            long partBytes = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    partBytes += n;
                    total += n;
                    if (partBytes > limits.maxPartBytes()) {
                        throw expands(fileName, limits.maxPartBytes());
                    }
                    if (total > limits.maxPackageBytes()) {
                        throw expands(fileName, limits.maxPackageBytes());
                    }
                }
            }
        }
    }

    private static DocumentImportException expands(String fileName, long limit) {
        return refused(fileName, fileName + " expands to more than " + FileNames.describeSize(limit)
                + " when opened; it was refused to protect the server.");
    }

    private static DocumentImportException refused(String fileName, String message) {
        return new DocumentImportException(fileName, message);
    }
}
