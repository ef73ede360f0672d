package app.tarjim.ui;

import app.tarjim.article.ArticleExports;
import app.tarjim.article.ShareLink;
import app.tarjim.article.ShareService;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.SummaryBasis;
import app.tarjim.article.SummaryRegeneration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CompletableFuture;
import app.tarjim.document.out.ExportFormat;
import app.tarjim.pipeline.models.ModelResolution;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The finished article: its summary, copy buttons, downloads, and the share link with revoke. */
public class ResultActions extends Div {

    private final ShareService shares;
    private final String owner;
    private final SummaryRegeneration summaries;
    final Paragraph summary = new Paragraph();
    final Span summaryState = new Span();
    final Button regenerate = new Button("Regenerate summary");
    final Div downloads = new Div();
    final Button share = new Button("Share summary");
    final TextField shareUrl = new TextField();
    final Button revoke = new Button("Revoke link");
    final Button copyLink = new Button("Copy link");
    final Button webShare = new Button("Share…");
    final Span shareStatus = new Span();
    final Select<LinkExpiry> expiry = new Select<>();
    /** With sign-in on: whether the shared page says "Shared by" and the user's name (off unless they tick it). */
    final com.vaadin.flow.component.checkbox.Checkbox showName =
            new com.vaadin.flow.component.checkbox.Checkbox("Show my name on the shared page");
    /** The signed-in user's name, null without sign-in (nothing to show). */
    private final String signedInName = app.tarjim.security.SignedIn.current()
            .map(app.tarjim.security.SignedIn::name).orElse(null);
    private final Optional<String> base;
    /** The article as last stored; downloads and copies read it when used, so they carry the latest edits. */
    private volatile StoredArticle article;
    private ShareLink link;

    /**
     * @param base the address share links start with ({@link ShareAddress}); when unknown it is read from the
     *             browser once the view is attached
     */
    public ResultActions(ShareService shares, String owner, Optional<String> base) {
        this(shares, owner, base, null);
    }

    /** @param summaries makes the summary again from the edited translation; null hides that button */
    public ResultActions(ShareService shares, String owner, Optional<String> base, SummaryRegeneration summaries) {
        this.shares = shares;
        this.owner = owner;
        this.base = base;
        this.summaries = summaries;
        summaryState.addClassName("summary-state");
        summaryState.setId("summary-state");
        summaryState.getElement().setAttribute("role", "status");
        regenerate.setId("regenerate-summary");
        regenerate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        regenerate.setVisible(summaries != null);
        regenerate.addClickListener(e -> regenerateSummary());
        addClassName("result-actions");
        summary.addClassName("summary");
        summary.setId("summary");
        downloads.addClassName("downloads");

        Button copyTranslation = new Button("Copy translation", e -> copy(withNotice(article, article.translationText())));
        Button copySummary = new Button("Copy summary", e -> copy(withNotice(article, article.summary().orElse(""))));
        copyTranslation.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copySummary.addThemeVariants(ButtonVariant.LUMO_SMALL);

        share.setId("share");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.addClickListener(e -> createLink());
        shareUrl.setId("share-url");
        shareUrl.setLabel("Share link");
        shareUrl.setReadOnly(true);
        shareUrl.setVisible(false);
        shareUrl.setWidthFull();
        revoke.setId("revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setVisible(false);
        revoke.addClickListener(e -> revokeLink());
        shareStatus.setId("share-status");
        shareStatus.getElement().setAttribute("role", "status");
        copyLink.setId("copy-link");
        copyLink.setVisible(false);
        copyLink.addClickListener(e -> copy(shareUrl.getValue()));
        webShare.setId("web-share");
        webShare.setVisible(false);
        // navigator.share needs the click's user activation, so the browser shares straight from the click.
        webShare.getElement().executeJs("""
                this.addEventListener('click', () => navigator.share && navigator.share(
                    {title: this.dataset.title, url: this.dataset.url}).catch(() => {}));""");
        expiry.setItems(LinkExpiry.values());
        expiry.setItemLabelGenerator(LinkExpiry::label);
        expiry.setValue(LinkExpiry.MONTH);
        expiry.setAriaLabel("Link expires");
        expiry.addClassName("share-expiry");
        showName.addClassName("share-show-name");
        showName.setId("share-show-name");
        showName.setVisible(signedInName != null);

        Div copyRow = new Div(copyTranslation, copySummary);
        copyRow.addClassName("button-row");
        Div shareRow = new Div(share, expiry, showName, shareUrl, copyLink, webShare, revoke, shareStatus);
        shareRow.addClassName("share-row");
        Div summaryRow = new Div(summaryState, regenerate);
        summaryRow.addClassName("summary-row");
        add(new H2("Summary"), summary, summaryRow, copyRow, downloads, shareRow);
        setVisible(false);
    }

    public void show(StoredArticle finished) {
        update(finished);
        setVisible(true);
        downloads.removeAll();
        downloads.add(new Span("Download: "));
        for (ExportFormat format : List.of(ExportFormat.TEXT, ExportFormat.MARKDOWN, ExportFormat.DOCX, ExportFormat.PDF)) {
            downloads.add(download(format));
        }
        List<ShareLink> existing = shares.links(shareOwner(), finished.id()).stream()
                .filter(l -> l.revokedAt() == null).toList();
        link = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        showLink();
    }

    /** The article as now stored (after an edit, an undo or a new summary): summary, and what downloads carry. */
    public void update(StoredArticle current) {
        this.article = current;
        summary.setText(current.summary().orElse("No summary was asked for."));
        summaryState.setText(summaryStateOf(current));
        summaryState.setClassName("stale", current.summary().isPresent() && !current.summaryCurrent());
    }

    static String summaryStateOf(StoredArticle article) {
        if (article.summary().isEmpty()) {
            return article.edited() ? "Regenerate summary makes one from the edited translation." : "";
        }
        String basis = article.summaryBasis() == SummaryBasis.EDITED
                ? "Summary of the edited translation." : "Summary of the machine translation.";
        return article.summaryCurrent() ? basis
                : basis + " Sentences were edited since: Regenerate summary to bring it up to date.";
    }

    private void regenerateSummary() {
        StoredArticle current = article;
        UI ui = UI.getCurrent();
        if (current == null || ui == null) {
            return;
        }
        regenerate.setEnabled(false);
        summaryState.setText("Summarizing the translation as edited…");
        CompletableFuture.supplyAsync(() -> summaries.regenerate(current.id(), owner))
                .whenComplete((done, error) -> {
                    try {
                        ui.access(() -> {
                            regenerate.setEnabled(true);
                            if (error != null) {
                                Throwable cause = error.getCause() != null ? error.getCause() : error;
                                summaryState.setText("The summary could not be made again: " + cause.getMessage());
                            } else {
                                update(done);
                            }
                        });
                    } catch (UIDetachedException gone) {
                        // The page closed meanwhile; the new summary is stored all the same.
                    }
                });
    }

    private Anchor download(ExportFormat format) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            StoredArticle current = article;
            byte[] bytes = ArticleExports.render(List.of(current), format);
            return new DownloadResponse(new ByteArrayInputStream(bytes), ArticleExports.fileName(current, format),
                    format.contentType(), bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "." + format.extension());
        anchor.addClassName("download-" + format.extension());
        return anchor;
    }

    /** Called with true and the link when one is made, false when one is revoked (for the audit log). */
    public void onShareChanged(java.util.function.BiConsumer<Boolean, ShareLink> listener) {
        this.shareChanged = listener;
    }

    private java.util.function.BiConsumer<Boolean, ShareLink> shareChanged = (made, changed) -> { };

    /**
     * Whose links these are: the article's owner. The page shows only articles the viewer may read, so that
     * is the viewer, or, for an admin opening someone else's article, its owner (admins may revoke anyone's).
     */
    private String shareOwner() {
        return article == null || !BrowserOwner.mayRead(article.owner()) ? owner : article.owner();
    }

    private void createLink() {
        try {
            link = shares.create(article.id(), shareOwner(), expiry.getValue().duration(),
                    Optional.ofNullable(signedInName).filter(name -> showName.getValue()));
            shareChanged.accept(true, link);
            showLink();
            shareStatus.setText("Anyone with this link can read the summary and translation"
                    + (link.expiresAt() == null ? "." : " until it expires."));
        } catch (RuntimeException e) {
            shareStatus.setText(e.getMessage());
        }
    }

    private void revokeLink() {
        if (link != null && shares.revoke(shareOwner(), link.token())) {
            shareChanged.accept(false, link);
            link = null;
            showLink();
            shareStatus.setText("Link revoked: it no longer opens.");
        }
    }

    private void showLink() {
        boolean shared = link != null;
        shareUrl.setVisible(shared);
        copyLink.setVisible(shared);
        revoke.setVisible(shared);
        webShare.setVisible(false);
        share.setVisible(!shared);
        expiry.setVisible(!shared);
        showName.setVisible(!shared && signedInName != null);
        if (shared) {
            String path = link.path();
            base.ifPresentOrElse(b -> showUrl(b + path), () -> {
                shareUrl.setValue(path);
                // No request to read the address from: ask the browser for it once attached.
                getElement().executeJs("return location.origin").then(String.class, origin -> showUrl(origin + path));
            });
        }
    }

    private void showUrl(String url) {
        shareUrl.setValue(url);
        webShare.getElement().setAttribute("data-url", url);
        webShare.getElement().setAttribute("data-title", article == null ? "Tarjim" : article.title());
        // Web Share where the device has it (phones); elsewhere Copy link does the job.
        webShare.getElement().executeJs("return !!navigator.share && window.matchMedia('(pointer: coarse)').matches")
                .then(Boolean.class, has -> webShare.setVisible(has && link != null));
    }

    /** Copied text carries the demo notice, as the downloads do, so nobody pastes demo output as real. */
    static String withNotice(StoredArticle article, String text) {
        return article.demo() ? "[" + ModelResolution.DEMO_NOTICE + "]\n\n" + text : text;
    }

    /** Hides everything, for when the article shown is deleted. */
    public void clear() {
        article = null;
        link = null;
        summary.setText("");
        summaryState.setText("");
        downloads.removeAll();
        shareStatus.setText("");
        setVisible(false);
    }

    Optional<ShareLink> link() {
        return Optional.ofNullable(link);
    }

    private void copy(String text) {
        getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text == null ? "" : text);
        shareStatus.setText("Copied.");
    }

    /** How long a new share link stays valid. */
    enum LinkExpiry {
        NEVER("Never expires", null), DAY("Expires in 1 day", Duration.ofDays(1)),
        WEEK("Expires in 7 days", Duration.ofDays(7)), MONTH("Expires in 30 days", Duration.ofDays(30));

        private final String label;
        private final Duration duration;

        LinkExpiry(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        String label() {
            return label;
        }

        Optional<Duration> duration() {
            return Optional.ofNullable(duration);
        }
    }
}
