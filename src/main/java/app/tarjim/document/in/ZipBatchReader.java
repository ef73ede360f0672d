package app.tarjim.document.in;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;

/**
 * A ZIP of single documents, one article each. Sizes are enforced by counting decompressed bytes as they
 * are read: an entry over its limit is skipped with a problem, an archive over its total is refused.
 */
final class ZipBatchReader {

    private final BatchLimits limits;
    private final DocumentTextExtractor extractor;

    ZipBatchReader(BatchLimits limits) {
        this.limits = limits;
        this.extractor = new DocumentTextExtractor(limits.maxZipEntryBytes());
    }

    BatchInput read(byte[] bytes, String fileName) throws BatchInputException {
        ItemCollector collector = new ItemCollector(limits);
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxZipEntries()) {
                throw new BatchInputException(fileName, fileName + " has " + entries.size()
                        + " entries; the limit is " + limits.maxZipEntries() + ".");
            }
            long totalBytes = 0;
            for (ZipArchiveEntry entry : entries) {
                String name = entry.getName();
                // Unsafe first: "../x" would otherwise pass as a hidden dot file and go unreported.
                if (ZipEntryNames.isUnsafe(name)) {
                    collector.problem(name, 0, "unsafe entry name (absolute path or '..'); skipped");
                    continue;
                }
                if (entry.isDirectory() || ZipEntryNames.isIgnorable(name)) {
                    continue;
                }
                if (DocumentType.fromFileName(name).isEmpty()) {
                    collector.problem(name, 0, "not a supported file type; supported: " + DocumentType.supportedList());
                    continue;
                }
                if (collector.full()) {
                    collector.stopAtLimit(name, 0);
                    break;
                }
                if (!zip.canReadEntryData(entry)) {
                    collector.problem(name, 0, "cannot be read (encrypted or unsupported compression)");
                    continue;
                }
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = readAtMost(in, limits.maxZipEntryBytes() + 1);
                } catch (IOException e) {
                    collector.problem(name, 0, "damaged entry, could not be decompressed");
                    continue;
                }
                totalBytes += content.length;
                if (totalBytes > limits.maxZipTotalBytes()) {
                    throw new BatchInputException(fileName, fileName + " unpacks to more than "
                            + FileNames.describeSize(limits.maxZipTotalBytes()) + "; the archive was refused.");
                }
                if (content.length > limits.maxZipEntryBytes()) {
                    collector.problem(name, 0, "larger than " + FileNames.describeSize(limits.maxZipEntryBytes())
                            + " when unpacked; skipped");
                    continue;
                }
                try {
                    ExtractedDocument document = extractor.extract(content, FileNames.baseName(name));
                    collector.offer(FileNames.stem(name), document.title(), document.text(), name, 0, name);
                } catch (DocumentImportException e) {
                    collector.problem(name, 0, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new BatchInputException(fileName, fileName + " is not a readable ZIP archive.", e);
        }
        return collector.result();
    }

    /** Reads until EOF or until limit bytes, whichever comes first; never trusts declared sizes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }
}
