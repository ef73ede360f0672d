package app.tarjim.ui.account;

import app.tarjim.account.Account;
import app.tarjim.account.AccountException;
import app.tarjim.account.Accounts;
import app.tarjim.account.ApiKeyView;
import app.tarjim.account.AuditLog;
import app.tarjim.account.NewApiKey;
import app.tarjim.account.UserApiKeys;
import app.tarjim.security.SignedIn;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/**
 * The signed-in user's API keys: make one (shown once, then only its first characters), see when each was
 * last used, revoke. Only with sign-in on; in mode none keys live in tarjim.api.keys.
 */
@Route("settings")
@PageTitle("Settings — Tarjim")
@PermitAll
public class SettingsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserApiKeys keys;
    private final AuditLog audit;
    private final Account account;
    private final Grid<ApiKeyView> grid = new Grid<>(ApiKeyView.class, false);
    private final Paragraph shown = new Paragraph();
    private final Paragraph error = new Paragraph();

    public SettingsView(Accounts accounts, ObjectProvider<UserApiKeys> keys, AuditLog audit) {
        this.keys = keys.getIfAvailable();
        this.audit = audit;
        SignedIn user = SignedIn.current().orElse(null);
        this.account = user == null ? null : accounts.find(user.name()).orElse(null);
        getElement().setAttribute("role", "main");
        add(new Anchor("", "← Translate"), new H1("Settings"), new AccountLinks());
        if (this.keys == null || account == null) {
            add(new Paragraph("API keys are made here when sign-in is on (tarjim.security.mode local or oidc). "
                    + "Without sign-in, keys are set in tarjim.api.keys."));
            return;
        }
        add(new H2("API keys"), new Paragraph("Send a key in the X-API-Key header, as Authorization: Bearer, or as "
                + "api_key to the LibreTranslate API. What a key translates is yours."));
        TextField name = new TextField("Name");
        name.setId("key-name");
        name.setPlaceholder("e.g. CMS plug-in");
        IntegerField perMinute = new IntegerField("Requests per minute");
        perMinute.setId("key-rate");
        perMinute.setMin(1);
        perMinute.setMax(UserApiKeys.MAX_PER_MINUTE);
        perMinute.setValue(60);
        Button create = new Button("Make key", click -> create(name.getValue(),
                perMinute.getValue() == null ? 0 : perMinute.getValue()));
        create.setId("make-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, perMinute, create);
        form.setAlignItems(Alignment.BASELINE);
        shown.setId("new-key");
        shown.setVisible(false);
        error.setId("key-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        grid.addColumn(ApiKeyView::name).setHeader("Name");
        grid.addColumn(k -> k.prefix() + "…").setHeader("Starts with");
        grid.addColumn(ApiKeyView::requestsPerMinute).setHeader("Per minute");
        grid.addColumn(k -> time(k.createdAt())).setHeader("Made");
        grid.addColumn(k -> k.lastUsedAt() == null ? "never" : time(k.lastUsedAt())).setHeader("Last used");
        grid.addComponentColumn(k -> k.active() ? revokeButton(k) : new Paragraph("revoked " + time(k.revokedAt())))
                .setHeader("").setKey("revoke");
        grid.setAllRowsVisible(true);
        add(form, error, shown, grid);
        refresh();
    }

    private Button revokeButton(ApiKeyView key) {
        Button revoke = new Button("Revoke", click -> {
            if (keys.revoke(account, key.id())) {
                audit.record(account.name(), AuditLog.KEY_REVOKED, key.id().toString(), key.name());
            }
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void create(String name, int perMinute) {
        try {
            NewApiKey made = keys.create(account, name, perMinute);
            audit.record(account.name(), AuditLog.KEY_CREATED, made.key().id().toString(),
                    made.key().name() + ", " + perMinute + "/min");
            error.setText("");
            Span secret = new Span(made.secret());
            secret.setId("new-key-secret");
            secret.getStyle().set("font-family", "monospace").set("user-select", "all");
            shown.removeAll();
            shown.add(new Text("Key \"" + made.key().name() + "\" made. Copy it now, it is not shown again: "), secret);
            shown.setVisible(true);
            refresh();
        } catch (AccountException e) {
            error.setText(e.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(keys.of(account));
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
