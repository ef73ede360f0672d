package app.tarjim.pipeline.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two hashes the hub identifies files by, from one read: the sha256 of the content (LFS files), and the git
 * blob id, {@code sha1("blob <size>\0" + content)} (small files: their ETag and {@code blobId}).
 */
public record FileDigests(long size, String sha256, String gitBlobId) {

    public static FileDigests of(Path file) throws IOException {
        long size = Files.size(file);
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                sha1.update(buffer, 0, n);
            }
        }
        return new FileDigests(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sha1.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }
}
