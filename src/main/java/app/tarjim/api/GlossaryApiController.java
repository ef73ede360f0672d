package app.tarjim.api;

import app.tarjim.article.UserGlossaries;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.security.ApiCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The caller's glossary: terms the translation always renders the same way, applied to their new articles when a
 * request gives no glossary of its own. CSV in the format of {@code tarjim translate --glossary} (arabic,english).
 */
@RestController
@RequestMapping("/api/v1/glossary")
@Tag(name = "Glossary", description = "The caller's glossary, applied to their new articles by default")
public class GlossaryApiController {

    private static final String CSV = "text/csv";

    private final UserGlossaries glossaries;

    public GlossaryApiController(UserGlossaries glossaries) {
        this.glossaries = glossaries;
    }

    /** One term. */
    public record TermJson(String arabic, String english) {
    }

    /** The glossary. */
    public record GlossaryJson(int count, List<TermJson> terms) {

        static GlossaryJson of(Glossary glossary) {
            return new GlossaryJson(glossary.entries().size(),
                    glossary.entries().stream().map(e -> new TermJson(e.arabic(), e.english())).toList());
        }
    }

    @GetMapping
    @Operation(summary = "List the terms")
    public GlossaryJson list(HttpServletRequest request) {
        return GlossaryJson.of(glossaries.terms(ApiCaller.ownerOf(request)));
    }

    @GetMapping(path = "/export", produces = CSV)
    @Operation(summary = "Download the glossary as CSV (arabic,english, with a header row)")
    public ResponseEntity<String> export(HttpServletRequest request) {
        String csv = UserGlossaries.toCsv(glossaries.terms(ApiCaller.ownerOf(request)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header("Content-Disposition", ContentDisposition.attachment().filename("glossary.csv").build().toString())
                .body(csv);
    }

    @PostMapping(path = "/terms", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a term, or give an existing term a new rendering",
            description = "Body {\"arabic\": \"…\", \"english\": \"…\"}; answers the whole glossary.")
    public GlossaryJson put(@RequestBody TermJson term, HttpServletRequest request) {
        if (term == null || term.arabic() == null || term.arabic().isBlank() || term.english() == null
                || term.english().isBlank()) {
            throw ArticleApiController.problem(HttpStatus.BAD_REQUEST, "Incomplete term",
                    "Send JSON like {\"arabic\": \"حلب\", \"english\": \"Aleppo\"}: both are needed.");
        }
        return GlossaryJson.of(glossaries.put(ApiCaller.ownerOf(request), new GlossaryEntry(term.arabic(), term.english())));
    }

    @DeleteMapping("/terms")
    @Operation(summary = "Remove a term", description = "?arabic= the term as listed; 404 when there is none.")
    public ResponseEntity<Void> remove(@RequestParam String arabic, HttpServletRequest request) {
        if (!glossaries.remove(ApiCaller.ownerOf(request), arabic)) {
            throw ArticleApiController.problem(HttpStatus.NOT_FOUND, "Term not found",
                    "The glossary has no term «" + arabic.strip() + "».");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping(consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Replace the whole glossary with a CSV file",
            description = "The file is checked first (400 naming the bad line); an empty body empties the glossary.")
    public GlossaryJson replace(@RequestBody(required = false) String csv, HttpServletRequest request) {
        return GlossaryJson.of(glossaries.replace(ApiCaller.ownerOf(request), csv == null ? "" : csv));
    }

    @PostMapping(path = "/import", consumes = {CSV, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Add a CSV file's terms to the glossary",
            description = "Where the glossary has a term already, the file's rendering wins.")
    public GlossaryJson merge(@RequestBody String csv, HttpServletRequest request) {
        return GlossaryJson.of(glossaries.merge(ApiCaller.ownerOf(request), csv));
    }

    @DeleteMapping
    @Operation(summary = "Empty the glossary")
    public ResponseEntity<Void> clear(HttpServletRequest request) {
        glossaries.save(ApiCaller.ownerOf(request), "");
        return ResponseEntity.noContent().build();
    }
}
