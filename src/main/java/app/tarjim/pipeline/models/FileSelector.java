package app.tarjim.pipeline.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses what to fetch among the files a repository has, rather than from a fixed list: the small files
 * (configs, tokenizer, vocabularies), the registry's required non-ONNX files, and the encoder and decoder graphs
 * of the preferred variant, merged decoder when there is one, else the split pair; with external weights
 * ({@code .onnx_data}) when the export has them.
 */
public final class FileSelector {

    /** Graph names of Optimum / transformers.js seq2seq exports; the suffix names the variant. */
    private static final Pattern GRAPH = Pattern.compile(
            "(?:(.*)/)?(encoder_model|decoder_model_merged|decoder_model|decoder_with_past_model)"
                    + "(_fp16|_quantized|_int8|_uint8|_q4f16|_q4|_bnb4)?\\.onnx");
    /** Weights of other frameworks and repository furniture: never needed to run the ONNX export. */
    private static final Set<String> SKIPPED_EXTENSIONS = Set.of("bin", "safetensors", "h5", "msgpack", "pt", "pth",
            "ckpt", "ot", "tflite", "onnx", "onnx_data", "data", "md", "gitattributes", "png", "jpg", "jpeg", "gif");
    /** When the asked-for variant is missing: the ones the engine loads, smallest first. */
    private static final List<OnnxVariant> FALLBACKS = List.of(OnnxVariant.QUANTIZED, OnnxVariant.FP32, OnnxVariant.FP16);

    private record Graph(String directory, String base) {
    }

    /**
     * @param alsoFp32 add the fp32 graphs too (the registry's "optional" files), when the repository has them
     * @throws ModelUnavailableException when the repository lacks a required file or any usable encoder/decoder
     */
    public FilePlan select(ModelEntry entry, HubRepoInfo info, OnnxVariant preferred, boolean alsoFp32) {
        return select(entry, info, preferred, alsoFp32, "The repository " + entry.repo() + " at commit " + info.sha());
    }

    /** @param source how messages name where the files are, e.g. "The folder /tmp/export" */
    public FilePlan select(ModelEntry entry, HubRepoInfo info, OnnxVariant preferred, boolean alsoFp32,
                           String source) {
        Map<String, HubRepoInfo.Sibling> siblings = info.byPath();
        Map<OnnxVariant, List<String>> graphs = graphsByVariant(siblings.keySet());
        OnnxVariant chosen = choose(graphs, preferred, source);
        String note = chosen == preferred ? null : source.replaceFirst(" at commit .*", "") + " has no " + preferred.label()
                + " export (it has " + describe(graphs) + "); the " + chosen.label() + " one is used.";

        Set<String> paths = new LinkedHashSet<>();
        for (HubRepoInfo.Sibling sibling : info.siblings()) {
            if (sibling.lfs() == null && !skipped(sibling.rfilename())) {
                paths.add(sibling.rfilename());
            }
        }
        List<String> absent = new ArrayList<>();
        for (ModelFile file : entry.requiredFiles()) {
            if (!GRAPH.matcher(file.path()).matches()) {
                if (siblings.containsKey(file.path())) {
                    paths.add(file.path());
                } else {
                    absent.add(file.path());
                }
            }
        }
        if (!absent.isEmpty()) {
            throw new ModelUnavailableException(source + " lacks " + String.join(", ", absent)
                    + ", which the model needs.");
        }
        List<String> graphPaths = new ArrayList<>(usable(graphs.get(chosen)));
        if (alsoFp32 && chosen != OnnxVariant.FP32 && graphs.containsKey(OnnxVariant.FP32)
                && isComplete(graphs.get(OnnxVariant.FP32))) {
            graphPaths.addAll(usable(graphs.get(OnnxVariant.FP32)));
        }
        for (String graph : graphPaths) {
            paths.add(graph);
            siblings.keySet().stream()
                    .filter(name -> name.equals(graph + "_data") || name.startsWith(graph + "_data_")
                            || name.equals(graph + ".data"))
                    .sorted()
                    .forEach(paths::add);
        }
        List<PlannedFile> files = paths.stream()
                .map(path -> planned(entry, siblings.get(path)))
                .sorted(Comparator.comparing((PlannedFile file) -> GRAPH.matcher(file.path()).matches()))
                .toList();
        return new FilePlan(info.sha(), chosen, note, files);
    }

    private static OnnxVariant choose(Map<OnnxVariant, List<String>> graphs, OnnxVariant preferred, String source) {
        List<OnnxVariant> order = new ArrayList<>();
        order.add(preferred);
        order.addAll(FALLBACKS);
        for (OnnxVariant variant : order) {
            if (graphs.containsKey(variant) && isComplete(graphs.get(variant))) {
                return variant;
            }
        }
        throw new ModelUnavailableException(source + " has no complete ONNX export (an encoder_model and a decoder_model_merged, or decoder_model with "
                + "decoder_with_past_model, of one variant)" + (graphs.isEmpty() ? "" : "; it has " + describe(graphs))
                + ".");
    }

    private static Map<OnnxVariant, List<String>> graphsByVariant(Set<String> names) {
        Map<OnnxVariant, List<String>> graphs = new EnumMap<>(OnnxVariant.class);
        for (String name : new TreeSet<>(names)) {
            Matcher matcher = GRAPH.matcher(name);
            if (matcher.matches()) {
                OnnxVariant variant = OnnxVariant.ofSuffix(matcher.group(3) == null ? "" : matcher.group(3));
                graphs.computeIfAbsent(variant, v -> new ArrayList<>()).add(name);
            }
        }
        return graphs;
    }

    private static boolean isComplete(List<String> graphs) {
        Set<String> bases = graphs.stream().map(FileSelector::base).collect(Collectors.toSet());
        return bases.contains("encoder_model")
                && (bases.contains("decoder_model_merged")
                || (bases.contains("decoder_model") && bases.contains("decoder_with_past_model")));
    }

    /** The encoder and the merged decoder when present (one graph, half the download), else the split pair. */
    private static List<String> usable(List<String> graphs) {
        boolean merged = graphs.stream().anyMatch(name -> base(name).equals("decoder_model_merged"));
        return graphs.stream()
                .filter(name -> {
                    String base = base(name);
                    return base.equals("encoder_model") || (merged ? base.equals("decoder_model_merged")
                            : base.equals("decoder_model") || base.equals("decoder_with_past_model"));
                })
                .toList();
    }

    private static String base(String graph) {
        Matcher matcher = GRAPH.matcher(graph);
        return matcher.matches() ? matcher.group(2) : "";
    }

    private static String describe(Map<OnnxVariant, List<String>> graphs) {
        return graphs.isEmpty() ? "no ONNX graphs" : graphs.keySet().stream().map(OnnxVariant::label)
                .collect(Collectors.joining(", "));
    }

    private static boolean skipped(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (path.startsWith("onnx/") || name.startsWith(".") || name.equals(ModelLock.FILE_NAME)
                || name.endsWith(".part")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && SKIPPED_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static PlannedFile planned(ModelEntry entry, HubRepoInfo.Sibling sibling) {
        String registrySha = entry.files().stream()
                .filter(file -> file.path().equals(sibling.rfilename()) && file.sha256() != null)
                .map(file -> file.sha256().toLowerCase(Locale.ROOT))
                .findFirst().orElse(null);
        String sha256 = registrySha != null ? registrySha : sibling.sha256().map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        long size = sibling.size() != null ? sibling.size() : sibling.lfs() != null ? sibling.lfs().size() : -1;
        return new PlannedFile(sibling.rfilename(), size, sha256, sibling.lfs() == null ? sibling.blobId() : null);
    }
}
