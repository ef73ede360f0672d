package app.tarjim.ui;

import app.tarjim.article.SentenceAlternatives;
import app.tarjim.article.SentenceEdits;
import app.tarjim.article.SummaryRegeneration;
import app.tarjim.article.UserGlossaries;
import org.springframework.stereotype.Component;

/** What the translate page needs to let people correct a finished article; one bean so views take one argument. */
@Component
public record ArticleEditing(SentenceEdits edits, SentenceAlternatives alternatives, SummaryRegeneration summaries,
                             UserGlossaries glossaries) {
}
