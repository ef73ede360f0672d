package app.tarjim.api;

import app.tarjim.article.ArticleNotFoundException;
import app.tarjim.article.ArticleService;
import app.tarjim.article.SentenceAlternatives;
import app.tarjim.article.SentenceEdits;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.article.SummaryRegeneration;
import app.tarjim.security.ApiCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Post-editing a finished article: alternatives for a sentence, edits with undo, the summary made again. */
@RestController
@RequestMapping("/api/v1/articles/{id}")
@Tag(name = "Editing", description = "Correct a finished translation sentence by sentence")
public class ArticleEditApiController {

    private final ArticleService articles;
    private final SentenceEdits edits;
    private final SentenceAlternatives alternatives;
    private final SummaryRegeneration summaries;

    public ArticleEditApiController(ArticleService articles, SentenceEdits edits, SentenceAlternatives alternatives,
                                    SummaryRegeneration summaries) {
        this.articles = articles;
        this.edits = edits;
        this.alternatives = alternatives;
        this.summaries = summaries;
    }

    /** What the alternatives call answers. */
    public record AlternativesJson(int index, String source, String target, int version,
                                   List<SentenceAlternatives.Alternative> alternatives) {
    }

    @GetMapping("/sentences/{n}/alternatives")
    @Operation(summary = "Other translations of sentence n, with the model's confidence in each",
            description = "Up to n (1 to 5, default 3) translations from beam search that differ from the sentence's"
                    + " current text, best first; computed on demand, nothing is stored. Pick one with PATCH.")
    public AlternativesJson alternatives(@PathVariable UUID id, @PathVariable("n") int index,
                                         @RequestParam(name = "n", defaultValue = "3") int count,
                                         HttpServletRequest request) {
        String owner = ApiCaller.ownerOf(request);
        StoredSentence sentence = sentence(id, index, owner);
        List<SentenceAlternatives.Alternative> options;
        try {
            options = alternatives.of(id, owner, index, count);
        } catch (IllegalArgumentException e) {
            throw ArticleApiController.problem(HttpStatus.BAD_REQUEST, "Bad count", e.getMessage());
        }
        return new AlternativesJson(index, sentence.source(), sentence.target(), sentence.revision(), options);
    }

    @PatchMapping(path = "/sentences/{n}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace sentence n's English with a person's",
            description = "Body {\"target\": \"…\", \"expectedVersion\": 2}. The machine output is kept beside the"
                    + " edit and the sentence's low-confidence flag is cleared. With expectedVersion (the sentence's"
                    + " version as read), an edit saved elsewhere meanwhile makes this call fail with 409, whose"
                    + " 'current' property is the sentence as it now is; without it the edit is applied as is.")
    public ArticleJson.SentenceJson edit(@PathVariable UUID id, @PathVariable("n") int index,
                                         @RequestBody SentenceEditRequest body, HttpServletRequest request) {
        if (body == null || body.target() == null) {
            throw ArticleApiController.problem(HttpStatus.BAD_REQUEST, "Missing target",
                    "Send JSON like {\"target\": \"The new English\", \"expectedVersion\": 0}.");
        }
        try {
            String owner = ApiCaller.ownerOf(request);
            // With sign-in on, the edit records who made it.
            return ArticleJson.SentenceJson.of(edits.edit(id, owner, index, body.target(),
                    body.expectedVersion(), app.tarjim.security.SignedIn.nameOf(owner)));
        } catch (IllegalArgumentException e) {
            throw ArticleApiController.problem(HttpStatus.BAD_REQUEST, "Bad edit", e.getMessage());
        }
    }

    @PostMapping("/sentences/{n}/undo")
    @Operation(summary = "Undo the last edit of sentence n",
            description = "The edit before it, or the machine output, comes back. Optional ?expectedVersion= as in"
                    + " PATCH; 409 when the sentence has no edit to undo.")
    public ArticleJson.SentenceJson undo(@PathVariable UUID id, @PathVariable("n") int index,
                                         @RequestParam(required = false) Integer expectedVersion,
                                         HttpServletRequest request) {
        return ArticleJson.SentenceJson.of(edits.undo(id, ApiCaller.ownerOf(request), index, expectedVersion));
    }

    @PostMapping("/summary")
    @Operation(summary = "Make the summary again from the translation as edited",
            description = "Runs the summarizer on the current (edited) translation and stores the result in place"
                    + " of the old summary; the article's summaryBasis then says 'edited' (or 'machine' when nothing"
                    + " was edited) and summaryCurrent is true until the next edit.")
    public ArticleJson regenerateSummary(@PathVariable UUID id, HttpServletRequest request) {
        return ArticleJson.of(summaries.regenerate(id, ApiCaller.ownerOf(request)));
    }

    private StoredSentence sentence(UUID id, int index, String owner) {
        StoredArticle article = articles.find(id).filter(a -> a.owner().equals(owner))
                .orElseThrow(() -> new ArticleNotFoundException(id));
        return article.sentence(index).orElseThrow(() -> new app.tarjim.article.SentenceNotFoundException(index,
                article.sentences().size()));
    }
}
