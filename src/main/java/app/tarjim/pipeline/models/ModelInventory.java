package app.tarjim.pipeline.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the models folder holds for each registry model, checks of it, and removal; asks no hub. */
public final class ModelInventory {

    private final ModelRegistry registry;

    public ModelInventory(ModelRegistry registry) {
        this.registry = registry;
    }

    public List<InstalledModel> list() {
        return registry.manifest().models().stream().map(this::describe).toList();
    }

    public InstalledModel describe(ModelEntry entry) {
        Path dir = registry.localDir(entry);
        Optional<ModelLock> lock = ModelLock.read(dir);
        if (lock.isPresent()) {
            ModelLock found = lock.get();
            boolean fits = found.matches(entry) && found.problems(dir).isEmpty();
            String state = !fits ? InstalledModel.INCOMPLETE
                    : ModelLock.SOURCE_IMPORT.equals(found.source()) ? InstalledModel.IMPORTED : InstalledModel.READY;
            return new InstalledModel(entry.id(), entry.repo(), entry.revision(), found.commit(), dir.toString(),
                    found.variant(), state, found.files());
        }
        List<ModelLock.LockedFile> present = new ArrayList<>();
        for (ModelFile file : entry.requiredFiles()) {
            Path path = dir.resolve(file.path());
            if (Files.isRegularFile(path)) {
                present.add(new ModelLock.LockedFile(file.path(), sizeOf(path), null));
            }
        }
        String state = present.size() == entry.requiredFiles().size() ? InstalledModel.UNLOCKED
                : InstalledModel.MISSING;
        return new InstalledModel(entry.id(), entry.repo(), entry.revision(), null, dir.toString(), null, state,
                present);
    }

    /**
     * Reads every locked file of the model and compares its size and sha256 with the lock.
     *
     * @return one sentence per problem; empty when all match
     */
    public List<String> verify(ModelEntry entry) {
        Path dir = registry.localDir(entry);
        Optional<ModelLock> lock = ModelLock.read(dir);
        if (lock.isEmpty()) {
            return List.of(entry.id() + " has no lock file in " + dir + " (pull or import it first).");
        }
        List<String> problems = new ArrayList<>();
        for (ModelLock.LockedFile file : lock.get().files()) {
            Path path = dir.resolve(file.path());
            try {
                if (!Files.isRegularFile(path)) {
                    problems.add(entry.id() + ": " + file.path() + " is missing.");
                    continue;
                }
                FileDigests digests = FileDigests.of(path);
                if (digests.size() != file.size()) {
                    problems.add(entry.id() + ": " + file.path() + " has " + digests.size() + " bytes, the lock says "
                            + file.size() + ".");
                } else if (!digests.sha256().equals(file.sha256())) {
                    problems.add(entry.id() + ": " + file.path() + " has sha256 " + digests.sha256()
                            + ", the lock says " + file.sha256() + ".");
                }
            } catch (IOException e) {
                problems.add(entry.id() + ": " + file.path() + " cannot be read (" + e.getMessage() + ").");
            }
        }
        return problems;
    }

    /**
     * Deletes the model's folder; demo folders and anything outside the models folder are refused.
     *
     * @return whether there was anything to delete
     */
    public boolean remove(ModelEntry entry) {
        Path modelsDir = registry.modelsDir().toAbsolutePath().normalize();
        Path dir = registry.localDir(entry).toAbsolutePath().normalize();
        Path demo = registry.demoDir(entry).toAbsolutePath().normalize();
        if (!dir.startsWith(modelsDir) || dir.equals(modelsDir) || demo.startsWith(dir)) {
            throw new ModelUnavailableException("Refusing to delete " + dir + ": it is not a model folder of its own "
                    + "under " + modelsDir + ".");
        }
        if (!Files.exists(dir)) {
            return false;
        }
        try {
            ModelImporter.deleteTree(dir);
            return true;
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot delete " + dir + ": " + e.getMessage() + ".", e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
