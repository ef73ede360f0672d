package app.tarjim.article;

import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryCsvReader;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A pipeline request to and from what the article table stores. The glossary is kept in the CSV format that
 * users upload (with its header row), so the existing reader brings it back entry for entry.
 */
final class StoredRequests {

    private StoredRequests() {
    }

    static ArticleOptions optionsOf(PipelineRequest request) {
        return new ArticleOptions(request.preset().name(), glossaryCsv(request.glossary()),
                request.summaryModel().name());
    }

    /**
     * The request to run again; empty when the article was stored without its options. It is forced: its text
     * passed the language check or the user overruled it ("Translate anyway") when it was stored, and a resumed
     * or retried article must not be refused for what its user already accepted. The other checks still run.
     */
    static Optional<PipelineRequest> toPipelineRequest(StoredRequest stored) {
        if (!stored.options().stored()) {
            return Optional.empty();
        }
        String csv = stored.options().glossaryCsv();
        Glossary glossary = csv == null ? Glossary.EMPTY : new GlossaryCsvReader().read(new StringReader(csv));
        return Optional.of(new PipelineRequest(stored.sourceText(), SummaryLength.parse(stored.summaryLength()),
                TranslationPreset.parse(stored.options().preset()), glossary, true,
                stored.options().summaryModel() == null ? TranslationPreset.FAST
                        : TranslationPreset.parse(stored.options().summaryModel())));
    }

    private static String glossaryCsv(Glossary glossary) {
        if (glossary.isEmpty()) {
            return null;
        }
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = CSVFormat.RFC4180.print(csv)) {
            printer.printRecord("arabic", "english");
            for (GlossaryEntry entry : glossary.entries()) {
                printer.printRecord(entry.arabic(), entry.english());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return csv.toString();
    }
}
