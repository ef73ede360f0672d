package app.tarjim.pipeline.models;

import java.util.List;

/**
 * One registry model as found on disk; its fields are the contract of {@code tarjim models list --json}.
 *
 * @param role     registry id, e.g. {@code translation-fast}
 * @param repo     hub repository
 * @param revision revision asked for
 * @param commit   commit the files came from; null when unknown (not pulled, or imported)
 * @param folder   the model folder
 * @param variant  ONNX variant held; null when unknown
 * @param state    {@value #READY}, {@value #IMPORTED}, {@value #INCOMPLETE}, {@value #UNLOCKED} or {@value #MISSING}
 * @param files    files held, with size and sha256 (null when not locked)
 */
public record InstalledModel(String role, String repo, String revision, String commit, String folder, String variant,
                             String state, List<ModelLock.LockedFile> files) {

    /** Pulled from the hub; the lock's files are there. */
    public static final String READY = "ready";
    /** Imported from an exported folder; the lock's files are there. */
    public static final String IMPORTED = "imported";
    /** A lock whose files are missing or changed size, or that belongs to another repository or commit. */
    public static final String INCOMPLETE = "incomplete";
    /** The registry's files are there but were never locked (copied by hand). */
    public static final String UNLOCKED = "unlocked";
    /** Nothing usable there. */
    public static final String MISSING = "missing";

    public InstalledModel {
        files = List.copyOf(files);
    }

    public boolean usable() {
        return state.equals(READY) || state.equals(IMPORTED) || state.equals(UNLOCKED);
    }
}
