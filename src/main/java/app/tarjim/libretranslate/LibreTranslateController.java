package app.tarjim.libretranslate;

import app.tarjim.api.ApiProperties;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.pipeline.models.TranslationPreset;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jsoup.Jsoup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LibreTranslate's HTTP API at the root, so that Mastodon, Weblate, browser extensions and LibreTranslate's
 * client libraries can use Tarjim for Arabic into English. Paths, parameters and JSON fields are spelt as
 * LibreTranslate spells them; errors are {@code {"error": "…"}} (see {@link LibreTranslateErrors}). Tarjim's
 * extras are ones such clients ignore: a {@code glossary} parameter and the {@value #CONFIDENCE_HEADER} header.
 */
@RestController
class LibreTranslateController {

    /** The lowest confidence (0..1) of any sentence in the answer; absent when nothing went through the model. */
    static final String CONFIDENCE_HEADER = "X-Tarjim-Confidence";

    private final ArticleTranslationJobs jobs;
    private final KeyCheck keys;
    private final LibreTranslateProperties properties;
    private final ApiProperties api;
    private final FileTranslator files;
    private final TranslatedFiles translatedFiles;
    private final ObjectMapper json;
    private final String baseUrl;

    LibreTranslateController(ArticleTranslationJobs jobs, KeyCheck keys, LibreTranslateProperties properties,
                             ApiProperties api, FileTranslator files, TranslatedFiles translatedFiles,
                             ObjectMapper json, @Value("${tarjim.share.base-url:}") String baseUrl) {
        this.jobs = jobs;
        this.keys = keys;
        this.properties = properties;
        this.api = api;
        this.files = files;
        this.translatedFiles = translatedFiles;
        this.json = json;
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    @PostMapping("/translate")
    ResponseEntity<Map<String, Object>> translate(HttpServletRequest request) {
        RequestValues values = RequestValues.of(request, json);
        String owner = keys.admit(request, values.text("api_key"));
        TranslateParameters parameters = TranslateParameters.read(values, properties, api.maxGlossaryTerms(), json);
        boolean html = parameters.format().equals("html");
        Detection detected = Detection.best(parameters.q().stream()
                .map(q -> html ? Jsoup.parseBodyFragment(q).text() : q).collect(Collectors.joining("\n")));
        // Like LibreTranslate, text that is not in the source language comes back as it was sent.
        boolean translatable = parameters.source() == Language.ARABIC || detected.language().equals("ar");
        PipelinePieces pieces = new PipelinePieces(jobs, owner, parameters.glossary());
        List<String> translated;
        List<List<String>> alternatives;
        if (!translatable) {
            translated = parameters.q();
            alternatives = Collections.nCopies(parameters.q().size(), List.of());
        } else if (html) {
            translated = HtmlTranslator.translateFragments(parameters.q(), pieces);
            alternatives = Collections.nCopies(parameters.q().size(), List.of());   // as LibreTranslate: text only
        } else {
            List<TextTranslator.TranslatedText> texts = TextTranslator.translate(parameters.q(), pieces);
            translated = texts.stream().map(TextTranslator.TranslatedText::english).toList();
            alternatives = alternatives(texts, parameters.alternatives());
        }

        if (translatable && audit != null) {
            int characters = parameters.q().stream().mapToInt(String::length).sum();
            audit.recordWork(owner, app.tarjim.account.AuditLog.TRANSLATED, "libretranslate",
                    parameters.q().size() + (parameters.q().size() == 1 ? " text, " : " texts, ") + characters
                            + " characters" + (html ? ", html" : ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("confidence", detected.confidence());
        language.put("language", detected.language());
        if (parameters.batch()) {
            body.put("translatedText", translated);
            if (parameters.source() == Language.AUTO) {
                body.put("detectedLanguage", Collections.nCopies(translated.size(), language));
            }
            if (parameters.alternatives() > 0) {
                body.put("alternatives", alternatives);
            }
        } else {
            body.put("translatedText", translated.get(0));
            if (parameters.source() == Language.AUTO) {
                body.put("detectedLanguage", language);
            }
            if (parameters.alternatives() > 0) {
                body.put("alternatives", alternatives.get(0));
            }
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        pieces.lowestConfidence().ifPresent(c ->
                response.header(CONFIDENCE_HEADER, String.format(Locale.ROOT, "%.3f", c)));
        return response.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private List<List<String>> alternatives(List<TextTranslator.TranslatedText> texts, int wanted) {
        List<List<String>> out = new ArrayList<>();
        List<SentencePair> sentences = texts.stream().flatMap(t -> t.allSentences().stream()).toList();
        if (wanted == 0 || sentences.isEmpty()) {
            texts.forEach(t -> out.add(List.of()));
            return out;
        }
        List<List<String>> nBest = jobs.alternatives(sentences.stream().map(SentencePair::source).toList(),
                TranslationPreset.FAST, wanted + 1);
        int next = 0;
        for (TextTranslator.TranslatedText text : texts) {
            int own = text.allSentences().size();
            out.add(Alternatives.of(text, nBest.subList(next, next + own), wanted));
            next += own;
        }
        return out;
    }

    @PostMapping("/detect")
    List<Map<String, Object>> detect(HttpServletRequest request) {
        RequestValues values = RequestValues.of(request, json);
        keys.admit(request, values.text("api_key"));
        String q = values.node("q") == null ? null
                : values.node("q").isArray() ? String.join("\n", json.convertValue(values.node("q"), String[].class))
                : values.text("q");
        if (q == null || q.isEmpty()) {
            throw LibreTranslateException.missing("q");
        }
        return Detection.candidates(q).stream().map(d -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("confidence", d.confidence());
            one.put("language", d.language());
            return one;
        }).toList();
    }

    /** Arabic into English; English is listed too (with no targets) so clients that look a target up find it. */
    @GetMapping("/languages")
    List<Map<String, Object>> languages() {
        return List.of(language("ar", "Arabic", List.of("en")), language("en", "English", List.of()));
    }

    @GetMapping("/frontend/settings")
    Map<String, Object> frontendSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("charLimit", properties.charLimit());
        settings.put("frontendTimeout", 500);
        settings.put("apiKeys", keys.required());
        settings.put("keyRequired", keys.required());
        settings.put("suggestions", false);
        settings.put("filesTranslation", true);
        settings.put("supportedFilesFormat", List.of(".txt", ".html", ".htm", ".docx", ".pdf"));
        settings.put("language", Map.of(
                "source", Map.of("code", "ar", "name", "Arabic"),
                "target", Map.of("code", "en", "name", "English")));
        return settings;
    }

    @PostMapping("/translate_file")
    Map<String, Object> translateFile(HttpServletRequest request,
                                      @RequestParam(name = "file", required = false) MultipartFile file,
                                      @RequestParam(name = "source", required = false) String source,
                                      @RequestParam(name = "target", required = false) String target,
                                      @RequestParam(name = "api_key", required = false) String apiKey,
                                      @RequestParam(name = "glossary", required = false) String glossary)
            throws IOException {
        String owner = keys.admit(request, apiKey);
        if (file == null) {
            throw LibreTranslateException.missing("file");
        }
        if (source == null || source.isEmpty()) {
            throw LibreTranslateException.missing("source");
        }
        if (target == null || target.isEmpty()) {
            throw LibreTranslateException.missing("target");
        }
        Language.source(source);
        Language.target(target);
        TranslatedFiles.TranslatedFile translated = files.translate(file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), owner, TranslateParameters.glossary(
                        glossary == null ? null : json.getNodeFactory().textNode(glossary), api.maxGlossaryTerms(), json));
        String name = translatedFiles.put(translated);
        if (audit != null) {
            audit.recordWork(owner, app.tarjim.account.AuditLog.TRANSLATED, "libretranslate file",
                    file.getOriginalFilename());
        }
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        return Map.of("translatedFileUrl", base + "/download_file/" + name);
    }

    @GetMapping("/download_file/{filename}")
    ResponseEntity<byte[]> download(@PathVariable String filename) {
        TranslatedFiles.TranslatedFile file = translatedFiles.get(filename)
                .orElseThrow(() -> LibreTranslateException.badRequest("Invalid filename"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(file.downloadName(), StandardCharsets.UTF_8).build().toString())
                .body(file.bytes());
    }

    /** Set by Spring; absent where the controller is made by hand. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void auditLog(app.tarjim.account.AuditLog audit) {
        this.audit = audit;
    }

    private app.tarjim.account.AuditLog audit;

    private static Map<String, Object> language(String code, String name, List<String> targets) {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("code", code);
        language.put("name", name);
        language.put("targets", targets);
        return language;
    }
}
