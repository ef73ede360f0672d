package app.tarjim.libretranslate;

import app.tarjim.article.ArticleExports;
import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ArticleTranslationJobs;
import app.tarjim.article.StoredArticle;
import app.tarjim.document.in.DocumentImportException;
import app.tarjim.document.in.DocumentTextExtractor;
import app.tarjim.document.in.DocumentType;
import app.tarjim.document.out.ExportFormat;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.SummaryLength;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /translate_file}: reads .txt, .html, .docx and .pdf with Tarjim's document readers and answers
 * a file of the same kind. Text stays text, line for line; HTML keeps its markup (see {@link HtmlTranslator});
 * Word and PDF files come back as Tarjim's Word and PDF exports of the translated article.
 */
@Component
class FileTranslator {

    private final ArticleTranslationJobs jobs;
    private final LibreTranslateProperties properties;
    private final DocumentTextExtractor extractor = new DocumentTextExtractor();

    FileTranslator(ArticleTranslationJobs jobs, LibreTranslateProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    TranslatedFiles.TranslatedFile translate(String fileName, String contentType, byte[] bytes, String owner,
                                              Glossary glossary) {
        if (fileName == null || fileName.isBlank() || bytes.length == 0) {
            throw LibreTranslateException.badRequest("Invalid request: empty file");
        }
        DocumentType type = DocumentType.fromFileName(fileName).orElseThrow(() ->
                LibreTranslateException.badRequest("Invalid request: file format not supported"));
        String downloadName = safeName(fileName);
        try {
            return switch (type) {
                case HTML -> html(bytes, downloadName, owner, glossary);
                case TEXT -> {
                    String text = checked(extractor.extract(bytes, fileName, contentType).text());
                    String english = TextTranslator.translate(List.of(text), new PipelinePieces(jobs, owner, glossary)).get(0).english();
                    yield new TranslatedFiles.TranslatedFile(downloadName, "text/plain; charset=UTF-8",
                            english.getBytes(StandardCharsets.UTF_8));
                }
                case DOCX -> exported(bytes, fileName, downloadName, owner, glossary, ExportFormat.DOCX);
                case PDF -> exported(bytes, fileName, downloadName, owner, glossary, ExportFormat.PDF);
            };
        } catch (DocumentImportException e) {
            throw LibreTranslateException.badRequest("Invalid request: " + e.getMessage());
        }
    }

    private TranslatedFiles.TranslatedFile html(byte[] bytes, String downloadName, String owner, Glossary glossary) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw LibreTranslateException.badRequest("Invalid request: the HTML file could not be read");
        }
        checked(document.body().text());
        String translated = HtmlTranslator.translateDocument(document, new PipelinePieces(jobs, owner, glossary));
        return new TranslatedFiles.TranslatedFile(downloadName, "text/html; charset=" + document.charset().name(),
                translated.getBytes(document.charset()));
    }

    private TranslatedFiles.TranslatedFile exported(byte[] bytes, String fileName, String downloadName, String owner,
                                                    Glossary glossary, ExportFormat format)
            throws DocumentImportException {
        String text = checked(extractor.extract(bytes, fileName).text());
        StoredArticle article = jobs.translateNow(owner,
                new PipelineRequest(text, SummaryLength.NONE, TranslationPreset.FAST, glossary));
        if (article.status() != ArticleStatus.DONE) {
            throw new LibreTranslateException(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Cannot translate file: " + article.errorMessage());
        }
        return new TranslatedFiles.TranslatedFile(downloadName, format.contentType(),
                ArticleExports.render(List.of(article), format));
    }

    private String checked(String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters > properties.charLimit()) {
            throw LibreTranslateException.badRequest("Invalid request: request (" + characters
                    + ") exceeds text limit (" + properties.charLimit() + ")");
        }
        return text;
    }

    /** The uploaded name reduced to characters that need no escaping in a URL or a file system. */
    static String safeName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return safe.isEmpty() ? "file" : safe;
    }
}
