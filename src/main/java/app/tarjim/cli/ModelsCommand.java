package app.tarjim.cli;

import app.tarjim.pipeline.ModelsFolder;
import app.tarjim.pipeline.models.DownloadSettings;
import app.tarjim.pipeline.models.EngineGenerators;
import app.tarjim.pipeline.models.GeneratorFactory;
import app.tarjim.pipeline.models.HubEnvironment;
import app.tarjim.pipeline.models.InstalledModel;
import app.tarjim.pipeline.models.ModelDownloader;
import app.tarjim.pipeline.models.ModelEntry;
import app.tarjim.pipeline.models.ModelImporter;
import app.tarjim.pipeline.models.ModelInventory;
import app.tarjim.pipeline.models.ModelLock;
import app.tarjim.pipeline.models.ModelRegistry;
import app.tarjim.pipeline.models.ModelUnavailableException;
import app.tarjim.pipeline.models.OnnxVariant;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tarjim models}: list, pull, verify, import and remove the models of the models folder. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Lists, fetches, checks, imports and removes the models in the models folder.",
                "Roles are the registry's ids: translation-fast, translation-quality, summarization.",
                "HF_TOKEN, HF_ENDPOINT, HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.",
                "Exit status: 0 done, 1 check failed or other failure, 2 bad options, 4 models unavailable."},
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Verify.class,
                ModelsCommand.Import.class, ModelsCommand.Remove.class})
public class ModelsCommand implements Runnable {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_OPTIONS = 2;
    public static final int EXIT_MODELS_UNAVAILABLE = TranslateCommand.EXIT_MODELS_UNAVAILABLE;

    private static final double MB = 1_000_000.0;

    @Spec
    CommandSpec spec;

    private final GeneratorFactory generators;
    private final HubEnvironment environment;

    public ModelsCommand() {
        this(new EngineGenerators(), HubEnvironment.system());
    }

    /** @param generators opens a folder for the trial generation of {@code import} */
    public ModelsCommand(GeneratorFactory generators, HubEnvironment environment) {
        this.generators = generators;
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --models-dir}, shared by the subcommands. */
    static final class ModelsDir {
        @Option(names = "--models-dir", paramLabel = "DIR",
                description = "Folder holding registry.json and the model folders (default: TARJIM_MODELS_DIR, "
                        + "else ./models when it holds a registry.json, else models under TARJIM_DATA_DIR or ./data: "
                        + "the folder the server reads).")
        Path path;

        Path resolved() {
            return path != null ? path : ModelsFolder.fromEnvironment(null);
        }
    }

    /** Runs a subcommand body; every failure becomes one sentence on stderr and an exit status. */
    private abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        ModelsCommand parent;

        @Mixin
        ModelsDir modelsDir;

        abstract int execute(PrintWriter out, PrintWriter err) throws IOException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                return execute(out, err);
            } catch (ModelUnavailableException e) {
                return fail(err, e.getMessage(), EXIT_MODELS_UNAVAILABLE);
            } catch (IllegalArgumentException e) {
                return fail(err, e.getMessage(), EXIT_BAD_OPTIONS);
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                return fail(err, e.getMessage(), EXIT_FAILURE);
            } finally {
                out.flush();
                err.flush();
            }
        }

        ModelRegistry registry() {
            return ModelRegistry.load(modelsDir.resolved());
        }

        static ModelEntry entry(ModelRegistry registry, String role) {
            return registry.manifest().models().stream()
                    .filter(entry -> entry.id().equals(role))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + role + "'; use one of "
                            + registry.manifest().models().stream().map(ModelEntry::id)
                            .collect(Collectors.joining(", ")) + "."));
        }

        static List<ModelEntry> entries(ModelRegistry registry, List<String> roles) {
            if (roles == null || roles.isEmpty()) {
                return registry.manifest().models();
            }
            return roles.stream().map(role -> entry(registry, role)).toList();
        }

        static int fail(PrintWriter err, String message, int status) {
            err.println(message == null ? "Failed." : message.strip());
            return status;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the registry's models and what the models folder holds of each.")
    static final class ListModels extends Base {
        @Option(names = "--json", description = "Print a JSON array: role, repo, revision, commit, folder, variant, "
                + "state, files (path, size, sha256).")
        boolean json;

        @Override
        int execute(PrintWriter out, PrintWriter err) throws IOException {
            List<InstalledModel> models = new ModelInventory(registry()).list();
            if (json) {
                ModelRegistry registry = registry();
                out.println(new ObjectMapper().writeValueAsString(models.stream()
                        .map(model -> toJson(model, entry(registry, model.role()))).toList()));
                return 0;
            }
            ModelRegistry registry = registry();
            for (InstalledModel model : models) {
                long bytes = model.files().stream().mapToLong(ModelLock.LockedFile::size).sum();
                ModelEntry entry = entry(registry, model.role());
                out.printf(Locale.ROOT, "%-22s %-10s %s@%s%s%s, %d files, %.1f MB, %s; licence %s%s%n", model.role(),
                        model.state(), model.repo(), model.revision(),
                        model.commit() == null ? "" : " (commit " + model.commit().substring(0, Math.min(7,
                                model.commit().length())) + ")",
                        model.variant() == null ? "" : ", " + model.variant(),
                        model.files().size(), bytes / MB, model.folder(), entry.licenceText(),
                        entry.optIn() ? " (opt-in)" : "");
            }
            return 0;
        }

        private static Map<String, Object> toJson(InstalledModel model, ModelEntry entry) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("role", model.role());
            json.put("repo", model.repo());
            json.put("revision", model.revision());
            json.put("commit", model.commit());
            json.put("folder", model.folder());
            json.put("variant", model.variant());
            json.put("state", model.state());
            List<Map<String, Object>> files = new ArrayList<>();
            for (ModelLock.LockedFile file : model.files()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", file.path());
                f.put("size", file.size());
                f.put("sha256", file.sha256());
                files.add(f);
            }
            json.put("files", files);
            json.put("licence", entry.licence());
            json.put("optIn", entry.optIn());
            return json;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Fetches models from the hub into the models folder (all of the registry's when no role "
                    + "is named) and locks them; a progress bar goes to stderr.")
    static final class Pull extends Base {
        @Parameters(paramLabel = "ROLE", arity = "0..*", description = "Roles to fetch (default: all but the "
                + "opt-in ones, such as translation-quality, whose licence is non-commercial: name those).")
        List<String> roles;

        @Option(names = "--variant", defaultValue = "quantized", paramLabel = "VARIANT",
                description = "ONNX weights: fp32, fp16, quantized, int8, uint8, q4, q4f16 or bnb4; another is "
                        + "taken, saying so, when the repository lacks it (default: ${DEFAULT-VALUE}).")
        String variant;

        @Option(names = "--hub-url", defaultValue = "https://huggingface.co", paramLabel = "URL",
                description = "Hub to fetch from; HF_ENDPOINT replaces the default (default: ${DEFAULT-VALUE}).")
        URI hubUrl;

        @Override
        int execute(PrintWriter out, PrintWriter err) {
            OnnxVariant wanted = OnnxVariant.parse(variant);
            ModelRegistry registry = registry();
            List<ModelEntry> entries = entries(registry, roles);
            if (roles == null || roles.isEmpty()) {
                for (ModelEntry optIn : entries.stream().filter(ModelEntry::optIn).toList()) {
                    err.printf("Skipping %s (%s, %s): opt-in; fetch it with models pull %s%n", optIn.id(),
                            optIn.repo(), optIn.licenceText(), optIn.id());
                }
                entries = entries.stream().filter(entry -> !entry.optIn()).toList();
            }
            DownloadSettings settings = new DownloadSettings(parent.environment, hubUrl, false, 4, Duration.ofSeconds(2));
            ModelDownloader downloader = new ModelDownloader(ModelDownloader.httpClient(parent.environment), settings);
            int status = 0;
            for (ModelEntry entry : entries) {
                err.printf("Pulling %s from %s (%s)%n", entry.id(), entry.repo(), entry.revision());
                err.flush();
                try {
                    ModelLock lock = downloader.pull(entry, registry.localDir(entry), wanted, false, new ProgressBar(err));
                    if (!lock.variant().equals(wanted.label())) {
                        err.printf("%s has no %s export; the %s one was fetched.%n", entry.repo(), wanted.label(),
                                lock.variant());
                    }
                    long bytes = lock.files().stream().mapToLong(ModelLock.LockedFile::size).sum();
                    out.printf(Locale.ROOT, "%s: %s at commit %s, %s, %d files, %.1f MB in %s%n", entry.id(),
                            entry.repo(), lock.commit(), lock.variant(), lock.files().size(), bytes / MB,
                            registry.localDir(entry));
                } catch (ModelUnavailableException e) {
                    fail(err, e.getMessage(), EXIT_MODELS_UNAVAILABLE);
                    status = EXIT_MODELS_UNAVAILABLE;
                }
            }
            return status;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Reads every locked file and compares its size and sha256 with the lock.")
    static final class Verify extends Base {
        @Parameters(paramLabel = "ROLE", arity = "0..*", description = "Roles to check (default: all installed).")
        List<String> roles;

        @Override
        int execute(PrintWriter out, PrintWriter err) {
            ModelRegistry registry = registry();
            ModelInventory inventory = new ModelInventory(registry);
            boolean named = roles != null && !roles.isEmpty();
            int status = 0;
            int checked = 0;
            for (ModelEntry entry : entries(registry, roles)) {
                if (!named && ModelLock.read(registry.localDir(entry)).isEmpty()) {
                    continue;
                }
                checked++;
                List<String> problems = inventory.verify(entry);
                if (problems.isEmpty()) {
                    out.printf("%s: ok (%d files)%n", entry.id(),
                            ModelLock.read(registry.localDir(entry)).map(lock -> lock.files().size()).orElse(0));
                } else {
                    problems.forEach(err::println);
                    status = EXIT_FAILURE;
                }
            }
            if (checked == 0) {
                return fail(err, "No model in " + registry.modelsDir() + " has a lock file to verify; pull or import "
                        + "one first.", EXIT_FAILURE);
            }
            return status;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Checks an exported model folder (files, config, tokenizer, one trial generation) and "
                    + "installs it as ROLE.")
    static final class Import extends Base {
        @Parameters(index = "0", paramLabel = "DIR", description = "Folder in the Optimum / transformers.js layout.")
        Path source;

        @Option(names = "--as", required = true, paramLabel = "ROLE", description = "Role it fills, e.g. translation-quality.")
        String role;

        @Override
        int execute(PrintWriter out, PrintWriter err) {
            ModelRegistry registry = registry();
            ModelEntry entry = entry(registry, role);
            ModelLock lock = new ModelImporter(registry, parent.generators).importFolder(source, entry);
            out.printf("Imported %s as %s (%s, %d files) into %s%n", source, entry.id(), lock.variant(),
                    lock.files().size(), registry.localDir(entry));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Deletes the folder of ROLE.")
    static final class Remove extends Base {
        @Parameters(index = "0", paramLabel = "ROLE", description = "Role whose folder to delete.")
        String role;

        @Override
        int execute(PrintWriter out, PrintWriter err) {
            ModelRegistry registry = registry();
            ModelEntry entry = entry(registry, role);
            boolean removed = new ModelInventory(registry).remove(entry);
            out.println(removed ? "Removed " + entry.id() + " (" + registry.localDir(entry) + ")."
                    : entry.id() + " is not installed.");
            return 0;
        }
    }
}
