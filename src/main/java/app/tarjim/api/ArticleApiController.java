package app.tarjim.api;

import app.tarjim.account.AuditLog;
import app.tarjim.article.ArticleExports;
import app.tarjim.article.ArticleNotFoundException;
import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.ShareLink;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.TranslationJob;
import app.tarjim.document.out.ExportFormat;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.security.ApiCaller;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Single articles over HTTP: synchronous translation of short texts, background jobs, share links, exports. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Articles", description = "Translate and summarize single articles")
public class ArticleApiController {

    private final ArticleTranslationJobs jobs;
    private final ArticleService articles;
    private final ShareService shares;
    private final app.tarjim.article.UserGlossaries glossaries;
    /** Longest share link life one may ask for: ten years (a figure that cannot overflow an Instant). */
    static final long MAX_SHARE_HOURS = 24L * 365 * 10;

    private final ApiProperties properties;
    /** tarjim.share.base-url: links are built from it when set, not from the request's Host header. */
    private final String shareBaseUrl;

    public ArticleApiController(ArticleTranslationJobs jobs, ArticleService articles, ShareService shares,
                                ApiProperties properties, app.tarjim.article.UserGlossaries glossaries,
                                @Value("${tarjim.share.base-url:}") String shareBaseUrl) {
        this.jobs = jobs;
        this.glossaries = glossaries;
        this.articles = articles;
        this.shares = shares;
        this.properties = properties;
        this.shareBaseUrl = shareBaseUrl.strip().replaceAll("/+$", "");
    }

    @PostMapping(path = "/translate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Translate (and summarize) a short article and wait for the result",
            description = "For texts up to tarjim.api.max-sync-chars characters; longer ones go to POST /api/v1/articles. "
                    + "A text with too few Arabic letters (under half by default) is refused (422, reason not_arabic, "
                    + "forceable true) unless the body says \"force\": true.")
    public ArticleJson translate(@RequestBody TranslateRequest body, HttpServletRequest request) {
        PipelineRequest pipelineRequest = toPipelineRequest(body, request);
        int characters = body.text() == null ? 0 : InputValidator.characters(body.text());
        if (characters > properties.maxSyncChars()) {
            throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "Text too long for a synchronous call",
                    "The text has " + characters + " characters; synchronous translation takes up to "
                            + properties.maxSyncChars() + ". Use POST /api/v1/articles and poll the Location it returns.");
        }
        StoredArticle translated = jobs.translateNow(ApiCaller.ownerOf(request), pipelineRequest);
        audit(request, AuditLog.TRANSLATED, translated.id().toString(), "api");
        return ArticleJson.of(translated);
    }

    @PostMapping(path = "/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start translating an article in the background",
            description = "Answers 202 Accepted with a Location to poll (GET /api/v1/articles/{id}). \"force\": true "
                    + "translates a text with too few Arabic letters, as for POST /api/v1/translate.")
    public ResponseEntity<ArticleJson> start(@RequestBody TranslateRequest body, HttpServletRequest request) {
        TranslationJob job = jobs.start(ApiCaller.ownerOf(request), toPipelineRequest(body, request));
        audit(request, AuditLog.TRANSLATED, job.articleId().toString(), "api");
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/articles/{id}").buildAndExpand(job.articleId()).toUri();
        StoredArticle stored = articles.find(job.articleId()).orElseThrow();
        return ResponseEntity.accepted().location(location).body(ArticleJson.of(stored));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article's status and, when done, its translation and summary")
    public ArticleJson get(@PathVariable UUID id, HttpServletRequest request) {
        return ArticleJson.of(owned(id, request));
    }

    @PostMapping("/articles/{id}/cancel")
    @Operation(summary = "Cancel a queued or running article",
            description = "The article is cancelled at once and its translation stops; 409 when it already finished.")
    public ArticleJson cancel(@PathVariable UUID id, HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        if (!jobs.cancel(id)) {
            throw problem(HttpStatus.CONFLICT, "Article already finished", "Only a queued or running article can "
                    + "be cancelled; its status is " + statusOf(articles.find(id).orElse(article)) + ".");
        }
        return ArticleJson.of(articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id)));
    }

    @PostMapping("/articles/{id}/retry")
    @Operation(summary = "Translate a failed or cancelled article again",
            description = "Starts a new article with the same text and options (the old one stays as it was) and "
                    + "answers like POST /api/v1/articles: 202 Accepted with a Location to poll.")
    public ResponseEntity<ArticleJson> retry(@PathVariable UUID id, HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        if (article.status() != app.tarjim.article.ArticleStatus.FAILED
                && article.status() != app.tarjim.article.ArticleStatus.CANCELLED) {
            throw problem(HttpStatus.CONFLICT, "Article not failed or cancelled",
                    "Only a failed or cancelled article can be retried; its status is " + statusOf(article) + ".");
        }
        TranslationJob job = jobs.retry(id).orElseThrow(() -> problem(HttpStatus.CONFLICT, "Article cannot be retried",
                "Its options were not stored (it was made by an older version); submit its text again with "
                        + "POST /api/v1/articles."));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/articles/{id}").buildAndExpand(job.articleId()).toUri();
        return ResponseEntity.accepted().location(location)
                .body(ArticleJson.of(articles.find(job.articleId()).orElseThrow()));
    }

    @PostMapping("/articles/{id}/share")
    @Operation(summary = "Create a share link to a finished article", description = "Optional expiry in hours. "
            + "With sign-in on, showName=true puts \"Shared by\" and the user's name on the shared page (off by "
            + "default: the page names no one).")
    public Map<String, Object> share(@PathVariable UUID id, @RequestParam(required = false) Long expiresInHours,
                                     @RequestParam(defaultValue = "false") boolean showName,
                                     HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        String name = showName ? app.tarjim.security.SignedIn.nameOf(ApiCaller.ownerOf(request)) : null;
        if (showName && name == null) {
            throw problem(HttpStatus.BAD_REQUEST, "No name to show",
                    "showName needs a signed-in user's key (tarjim.security.mode local or oidc); this request has "
                            + "no user name to put on the shared page. Leave showName out.");
        }
        if (!article.status().isFinal() || article.status() != app.tarjim.article.ArticleStatus.DONE) {
            throw problem(HttpStatus.CONFLICT, "Article not finished",
                    "Only a finished translation can be shared; its status is " + article.status() + ".");
        }
        if (expiresInHours != null && (expiresInHours < 1 || expiresInHours > MAX_SHARE_HOURS)) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad expiry",
                    "expiresInHours must be a whole number of hours from 1 to " + MAX_SHARE_HOURS
                            + " (ten years); leave it out for a link that does not expire.");
        }
        ShareLink link = shares.create(id, article.owner(),
                Optional.ofNullable(expiresInHours).map(Duration::ofHours), Optional.ofNullable(name));
        audit(request, AuditLog.SHARED, id.toString(), link.token().substring(0, 6) + "…");
        String url = shareBaseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString()
                : shareBaseUrl + link.path();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("url", url, "token", link.token(), "expiresAt",
                link.expiresAt() == null ? "never" : link.expiresAt().toString()));
        if (link.sharedBy() != null) {
            body.put("sharedBy", link.sharedBy());
        }
        return body;
    }

    @DeleteMapping("/articles/{id}/share")
    @Operation(summary = "Revoke every share link of an article")
    public ResponseEntity<Void> revokeAll(@PathVariable UUID id, HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        shares.links(article.owner(), id).forEach(link -> shares.revoke(article.owner(), link.token()));
        audit(request, AuditLog.REVOKED_SHARE, id.toString(), "all links");
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/articles/{id}/share/{token}")
    @Operation(summary = "Revoke one share link")
    public ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable String token, HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        if (!shares.revoke(article.owner(), token)) {
            throw problem(HttpStatus.NOT_FOUND, "Share link not found", "This article has no such share link.");
        }
        audit(request, AuditLog.REVOKED_SHARE, id.toString(), token.substring(0, Math.min(6, token.length())) + "…");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/articles/{id}/export")
    @Operation(summary = "Download an article as csv, jsonl, md, txt, docx or pdf")
    public ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "md") String format,
                                         HttpServletRequest request) {
        StoredArticle article = owned(id, request);
        ExportFormat exportFormat = exportFormat(format);
        byte[] bytes = ArticleExports.render(List.of(article), exportFormat);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(ArticleExports.fileName(article, exportFormat), StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    static ExportFormat exportFormat(String name) {
        try {
            return ExportFormat.parse(name, List.of(ExportFormat.values()));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Unknown export format", e.getMessage());
        }
    }

    /** Set by Spring; absent where the controller is made by hand. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void auditLog(AuditLog audit) {
        this.audit = audit;
    }

    private AuditLog audit;

    private void audit(HttpServletRequest request, String action, String subject, String detail) {
        if (audit != null) {
            audit.recordWork(ApiCaller.ownerOf(request), action, subject, detail);
        }
    }

    private StoredArticle owned(UUID id, HttpServletRequest request) {
        return articles.find(id)
                .filter(a -> ApiCaller.mayRead(request, a.owner()))
                .orElseThrow(() -> new ArticleNotFoundException(id));
    }

    /** The status as the JSON spells it. */
    private static String statusOf(StoredArticle article) {
        return article.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private PipelineRequest toPipelineRequest(TranslateRequest body, HttpServletRequest request) {
        if (body == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Missing body", "Send JSON like {\"text\": \"…\"}.");
        }
        SummaryLength summary = body.summary() == null ? SummaryLength.MEDIUM : parse(() -> SummaryLength.parse(body.summary()),
                "summary must be short, medium, long or none, not '" + body.summary() + "'.");
        TranslationPreset preset = body.preset() == null ? TranslationPreset.FAST : parse(() -> TranslationPreset.parse(body.preset()),
                "preset must be fast or quality, not '" + body.preset() + "'.");
        // No glossary in the request: the caller's own (GET /api/v1/glossary), as the web page does.
        Glossary terms = body.glossary() == null ? glossaries.terms(ApiCaller.ownerOf(request)) : glossary(body.glossary());
        TranslationPreset summaryModel = body.summaryModel() == null ? TranslationPreset.FAST
                : parse(() -> TranslationPreset.parse(body.summaryModel()),
                        "summaryModel must be fast or quality, not '" + body.summaryModel() + "'.");
        return new PipelineRequest(body.text(), summary, preset, terms, Boolean.TRUE.equals(body.force()), summaryModel);
    }

    private Glossary glossary(Map<String, String> terms) {
        if (terms == null || terms.isEmpty()) {
            return Glossary.EMPTY;
        }
        if (terms.size() > properties.maxGlossaryTerms()) {
            throw new GlossaryFormatException("A glossary may have at most " + properties.maxGlossaryTerms()
                    + " terms; this one has " + terms.size() + ".");
        }
        try {
            return new Glossary(terms.entrySet().stream().map(e -> new GlossaryEntry(e.getKey(), e.getValue())).toList());
        } catch (IllegalArgumentException e) {
            throw new GlossaryFormatException("Every glossary entry needs an Arabic term and an English rendering.");
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad option", message);
        }
    }

    static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        org.springframework.http.ProblemDetail body = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
