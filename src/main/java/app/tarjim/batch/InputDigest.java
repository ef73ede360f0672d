package app.tarjim.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of an input file and the options that change its results, to recognise a rerun of the same batch. */
final class InputDigest {

    private InputDigest() {
    }

    static String of(byte[] content, SummaryOption summary) {
        return of(content, summary, BatchModels.DEFAULT);
    }

    static String of(byte[] content, SummaryOption summary, BatchModels models) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            sha.update(("\0summary=" + summary.name()).getBytes(StandardCharsets.UTF_8));
            if (!models.equals(BatchModels.DEFAULT)) {
                // only when asked for, so that the default batches of earlier versions still resume
                sha.update(("\0preset=" + models.preset() + "\0summaryModel=" + models.summaryModel() + "\0force="
                        + models.force()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
