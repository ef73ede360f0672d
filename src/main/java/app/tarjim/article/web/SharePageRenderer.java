package app.tarjim.article.web;

import app.tarjim.article.ModelsUsed;
import app.tarjim.article.SharedArticle;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a shared article as one self-contained, script-free HTML page. Every piece of article text goes
 * through jsoup's text and attribute setters, so markup in an article is shown as text, never run.
 */
@Component
class SharePageRenderer {

    static final String CSS = """
            body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fafaf7}
            main{max-width:72rem;margin:0 auto;padding:1.5rem}
            .brand{margin:0;color:#5b6475;font-size:.9rem}
            h1{font-size:1.6rem;line-height:1.4;margin:.4rem 0 1rem}
            h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
            .notice{background:#fff4d6;border-left:4px solid #d9a400;padding:.5rem .75rem}
            .summary p{margin:.4rem 0}
            .pair{display:grid;grid-template-columns:1fr;gap:.5rem 2rem;padding:.75rem 0;border-top:1px solid #e3e3dc}
            .pair p{margin:0}
            [lang=ar]{font-family:"Noto Naskh Arabic","Noto Sans Arabic",serif;font-size:1.15rem;line-height:1.9}
            .flagged{text-decoration:underline dotted #b3261e}
            .edited{background:#e8f3ea;border-bottom:2px solid #3b8a4e}
            .edited-note{color:#2d6b3c}
            footer{margin-top:2rem;color:#5b6475;font-size:.85rem}
            @media (min-width:48rem){.pair{grid-template-columns:1fr 1fr}.pair .source{order:2}}
            """;

    /** Only this exact stylesheet may apply; no script, image, font or frame may load at all. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static final String NOT_FOUND_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>\
            <body><h1>Not found</h1><p>There is nothing at this address.</p></body></html>""";

    private static final int DESCRIPTION_LENGTH = 200;

    String render(SharedArticle shared, String pageUrl) {
        StoredArticle article = shared.article();
        String description = shorten(article.summary().orElseGet(() -> translationOf(article)));

        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8);
        page.prependChild(new DocumentType("html", "", ""));
        page.selectFirst("html").attr("lang", "en");

        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        meta(head, "name", "viewport", "width=device-width, initial-scale=1");
        meta(head, "name", "robots", "noindex");
        head.appendElement("title").text(article.title() + " · Tarjim");
        meta(head, "name", "description", description);
        meta(head, "property", "og:title", article.title());
        meta(head, "property", "og:description", description);
        meta(head, "property", "og:type", "article");
        meta(head, "property", "og:url", pageUrl);
        meta(head, "property", "og:site_name", "Tarjim");
        meta(head, "name", "twitter:card", "summary");
        meta(head, "name", "twitter:title", article.title());
        meta(head, "name", "twitter:description", description);
        head.appendElement("style").appendChild(new DataNode(CSS));

        Element main = page.body().appendElement("main");
        appendHeader(main, article, shared.link().sharedBy());
        article.summary().ifPresent(summary -> appendSummary(main, summary));
        appendTranslation(main, article);
        appendFooter(main, article.models(), article.edited());
        return page.outerHtml();
    }

    private static void appendHeader(Element main, StoredArticle article, String sharedBy) {
        Element header = main.appendElement("header");
        header.appendElement("p").addClass("brand").text("Tarjim · machine translation from Arabic");
        // The title is the source's headline, so usually Arabic; let the browser pick the direction.
        header.appendElement("h1").attr("dir", "auto").text(article.title());
        if (sharedBy != null) {
            // the sharer chose to show their name; it is their account name, so any script
            header.appendElement("p").addClass("shared-by").appendText("Shared by ")
                    .appendElement("bdi").text(sharedBy);
        }
        if (article.demo()) {
            header.appendElement("p").addClass("notice")
                    .text("Translated with the bundled demo models: the output is illustrative only.");
        }
        long edited = article.sentences().stream().filter(StoredSentence::edited).count();
        if (edited > 0) {
            header.appendElement("p").addClass("edited-note").text(edited == 1
                    ? "1 sentence of the translation was edited by a person (shaded)."
                    : edited + " sentences of the translation were edited by a person (shaded).");
        }
    }

    private static void appendSummary(Element main, String summary) {
        Element section = main.appendElement("section").addClass("summary");
        section.appendElement("h2").text("Summary");
        summary.lines().filter(line -> !line.isBlank())
                .forEach(line -> section.appendElement("p").text(line.strip()));
    }

    private static void appendTranslation(Element main, StoredArticle article) {
        Element section = main.appendElement("section").addClass("translation");
        section.appendElement("h2").text("Translation");
        if (article.sentences().isEmpty()) {
            // Nothing to align sentence by sentence: show both texts whole, side by side.
            Element pair = pair(section);
            paragraphsOf(article.sourceText()).forEach(p -> pair.child(0).appendElement("p").text(p));
            paragraphsOf(article.translationText()).forEach(p -> pair.child(1).appendElement("p").text(p));
            return;
        }
        for (List<StoredSentence> paragraph : byParagraph(article.sentences()).values()) {
            Element pair = pair(section);
            Element source = pair.child(0).appendElement("p");
            Element target = pair.child(1).appendElement("p");
            for (StoredSentence sentence : paragraph) {
                source.appendText(sentence.source() + " ");
                Element span = target.appendElement("span").text(sentence.target());
                if (sentence.edited()) {
                    span.addClass("edited").attr("title", "Edited by a person");
                } else if (sentence.flagged()) {
                    span.addClass("flagged").attr("title", "Low-confidence translation");
                }
                target.appendText(" ");
            }
        }
    }

    private static Element pair(Element section) {
        Element pair = section.appendElement("div").addClass("pair");
        pair.appendElement("div").addClass("source").attr("lang", "ar").attr("dir", "rtl");
        pair.appendElement("div").addClass("target").attr("lang", "en").attr("dir", "ltr");
        return pair;
    }

    private static void appendFooter(Element main, ModelsUsed models, boolean edited) {
        StringBuilder text = new StringBuilder(edited
                ? "Machine translated by Tarjim and edited by a person; it may contain mistakes."
                : "Machine translated by Tarjim; it may contain mistakes.");
        if (models.translationModel() != null) {
            text.append(" Translation model: ").append(models.translationModel()).append('.');
        }
        if (models.summarizerModel() != null) {
            text.append(" Summarizer: ").append(models.summarizerModel()).append('.');
        }
        main.appendElement("footer").text(text.toString());
    }

    private static void meta(Element head, String keyAttribute, String key, String content) {
        head.appendElement("meta").attr(keyAttribute, key).attr("content", content);
    }

    private static Map<Integer, List<StoredSentence>> byParagraph(List<StoredSentence> sentences) {
        return sentences.stream().collect(Collectors.groupingBy(StoredSentence::paragraphIndex,
                LinkedHashMap::new, Collectors.toList()));
    }

    private static List<String> paragraphsOf(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String translationOf(StoredArticle article) {
        if (article.translationText() != null && !article.translationText().isBlank()) {
            return article.translationText();
        }
        return article.sentences().stream().map(StoredSentence::target).collect(Collectors.joining(" "));
    }

    /** First words of a text, one line, short enough for a link preview. */
    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= DESCRIPTION_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
        return line.substring(0, cut > DESCRIPTION_LENGTH / 2 ? cut : DESCRIPTION_LENGTH - 1) + "…";
    }

    private static String sha256(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
