package app.tarjim.ui;

import app.tarjim.article.ArticleListing;
import app.tarjim.article.ArticleService;
import app.tarjim.article.OwnedArticleListing;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** This browser's recent articles: reopen, or delete after a confirmation that names what stops working. */
public class HistoryPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final ArticleService articles;
    private final String owner;
    private final Consumer<UUID> onDeleted;
    private final Div list = new Div();
    /** Admins only (sign-in on): everyone else's recent articles, to open. */
    final Div others = new Div();
    ConfirmDialog confirm;

    /** @param onDeleted told the id of each article deleted, so the page can stop showing it */
    public HistoryPanel(ArticleService articles, String owner, Consumer<UUID> onDeleted) {
        this.articles = articles;
        this.owner = owner;
        this.onDeleted = onDeleted;
        addClassName("history");
        list.addClassName("history-list");
        add(new H2("Recent articles"), list);
        if (app.tarjim.security.SignedIn.current().filter(app.tarjim.security.SignedIn::admin).isPresent()) {
            others.addClassName("history-others");
            add(new H2("Other users' recent articles"), others);
        }
        refresh();
    }

    public void refresh() {
        refreshOthers();
        list.removeAll();
        List<ArticleListing> recent = articles.recent(owner, 20);
        if (recent.isEmpty()) {
            list.add(new Span("Articles you translate in this browser appear here."));
            return;
        }
        for (ArticleListing item : recent) {
            Anchor open = new Anchor("?article=" + item.id(), item.title());
            open.addClassName("history-title");
            open.getElement().setAttribute("dir", "auto");
            Span meta = new Span(WHEN.format(item.createdAt()) + " · " + sentences(item.sentenceCount())
                    + " · " + item.status().name().toLowerCase(Locale.ROOT) + (item.demo() ? " · demo models" : ""));
            meta.addClassName("history-meta");
            Button delete = new Button("Delete", e -> confirmDelete(item));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("aria-label", "Delete " + item.title());
            Div row = new Div(open, meta, delete);
            row.addClassName("history-row");
            list.add(row);
        }
    }

    private void refreshOthers() {
        if (others.getParent().isEmpty()) {
            return;
        }
        others.removeAll();
        List<OwnedArticleListing> recent = articles.recentOfOthers(owner, 20);
        if (recent.isEmpty()) {
            others.add(new Span("No one else has translated anything yet."));
        }
        for (OwnedArticleListing item : recent) {
            Anchor open = new Anchor("?article=" + item.id(), item.title());
            open.addClassName("history-title");
            open.getElement().setAttribute("dir", "auto");
            String name = app.tarjim.security.SignedIn.nameOf(item.owner());
            Span meta = new Span("by " + (name != null ? name : "a browser without sign-in") + " · "
                    + WHEN.format(item.createdAt()) + " · " + sentences(item.sentenceCount()) + " · "
                    + item.status().name().toLowerCase(Locale.ROOT));
            meta.addClassName("history-meta");
            Div row = new Div(open, meta);
            row.addClassName("history-row");
            others.add(row);
        }
    }

    private static String sentences(int count) {
        return count == 1 ? "1 sentence" : count + " sentences";
    }

    private void confirmDelete(ArticleListing item) {
        confirm = new ConfirmDialog();
        confirm.setHeader("Delete this article?");
        confirm.setText("“" + item.title() + "” and its translation will be removed from this browser's history."
                + " Any share links to it will stop working. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            articles.delete(owner, item.id());
            refresh();
            onDeleted.accept(item.id());
        });
        confirm.open();
    }
}
