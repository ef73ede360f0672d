package app.tarjim.ui.account;

import app.tarjim.account.Account;
import app.tarjim.account.AccountException;
import app.tarjim.account.Accounts;
import app.tarjim.account.AuditEvent;
import app.tarjim.account.AuditLog;
import app.tarjim.security.SignedIn;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admins' page: accounts (add, disable or enable, reset a password, make or unmake admin) and the audit log
 * with a CSV download. Local accounts only get passwords; OIDC accounts are made when they first sign in.
 */
@Route("admin")
@PageTitle("Admin — Tarjim")
@RolesAllowed(SignedIn.ADMIN_ROLE)
public class AdminView extends VerticalLayout {

    static final int AUDIT_SHOWN = 200;
    static final java.util.Set<String> ARTICLE_ACTIONS = java.util.Set.of(AuditLog.TRANSLATED, AuditLog.SHARED,
            AuditLog.REVOKED_SHARE);

    private final Accounts accounts;
    private final AuditLog audit;
    private final String actor;
    private final Grid<Account> users = new Grid<>(Account.class, false);
    private final Grid<AuditEvent> events = new Grid<>(AuditEvent.class, false);
    private final Paragraph message = new Paragraph();

    public AdminView(Accounts accounts, AuditLog audit, app.tarjim.security.SecurityProperties security) {
        this.accounts = accounts;
        this.audit = audit;
        this.actor = SignedIn.current().map(SignedIn::name).orElse("-");
        getElement().setAttribute("role", "main");
        message.setId("admin-message");

        TextField name = new TextField("Name");
        name.setId("new-user-name");
        PasswordField password = new PasswordField("Password");
        password.setId("new-user-password");
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        Checkbox admin = new Checkbox("Admin");
        admin.setId("new-user-admin");
        Button add = new Button("Add user", click -> change(() -> {
            accounts.addLocal(name.getValue().strip(), password.getValue().toCharArray(), admin.getValue());
            audit.record(actor, AuditLog.USER_ADDED, name.getValue().strip(), admin.getValue() ? "admin" : null);
            name.clear();
            password.clear();
            admin.clear();
        }, "User added."));
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, password, admin, add);
        form.setAlignItems(Alignment.BASELINE);
        Paragraph oidcNote = new Paragraph("People get an account the first time they sign in through the identity "
                + "provider, and their admin role follows its " + security.oidc().adminClaim() + " claim at every "
                + "sign-in. Here you can disable and enable them.");
        oidcNote.setId("oidc-accounts-note");
        // with OIDC sign-in a password account could never sign in: offer no form that makes one
        boolean oidc = security.mode() == app.tarjim.security.SecurityMode.OIDC;
        form.setVisible(!oidc);
        oidcNote.setVisible(oidc);

        users.addColumn(Account::name).setHeader("Name");
        users.addColumn(Account::source).setHeader("Signs in");
        users.addColumn(a -> a.admin() ? "admin" : "").setHeader("Role");
        users.addColumn(a -> !a.enabled() ? "disabled" : a.lockedAt(java.time.Instant.now()) ? "locked" : "active")
                .setHeader("State");
        users.addColumn(a -> a.lastLoginAt() == null ? "never" : SettingsView.time(a.lastLoginAt()))
                .setHeader("Last sign-in");
        users.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setKey("actions");
        users.setAllRowsVisible(true);

        events.addColumn(e -> SettingsView.time(e.at())).setHeader("When");
        events.addColumn(AuditEvent::actor).setHeader("Who");
        events.addColumn(AuditEvent::action).setHeader("Did");
        // Work events name an article: admins open anyone's article from here.
        events.addComponentColumn(e -> e.subject() != null && ARTICLE_ACTIONS.contains(e.action())
                ? new Anchor("./?article=" + e.subject(), e.subject()) : new com.vaadin.flow.component.html.Span(
                e.subject() == null ? "" : e.subject())).setHeader("What");
        events.addColumn(AuditEvent::detail).setHeader("Detail");
        Anchor csv = new Anchor("admin/audit.csv", "Download the whole log as CSV");
        csv.setId("audit-csv");
        csv.getElement().setAttribute("router-ignore", true);

        add(new Anchor("", "← Translate"), new H1("Admin"), new AccountLinks(), new H2("Users"), form, oidcNote, message,
                users, new H2("Audit log"), csv, events);
        refresh();
    }

    private HorizontalLayout actions(Account account) {
        HorizontalLayout row = new HorizontalLayout();
        boolean self = account.name().equals(actor);
        Button enable = new Button(account.enabled() ? "Disable" : "Enable", click -> change(() -> {
            accounts.setEnabled(account.name(), !account.enabled());
            audit.record(actor, account.enabled() ? AuditLog.USER_DISABLED : AuditLog.USER_ENABLED, account.name(), null);
        }, account.name() + (account.enabled() ? " disabled." : " enabled.")));
        enable.setEnabled(!self); // an admin cannot lock themselves out
        Button role = new Button(account.admin() ? "Remove admin" : "Make admin", click -> change(() -> {
            accounts.setAdmin(account.name(), !account.admin());
            audit.record(actor, AuditLog.ADMIN_CHANGED, account.name(), account.admin() ? "admin removed" : "made admin");
        }, account.name() + (account.admin() ? " is no longer an admin." : " is now an admin.")));
        role.setEnabled(!self && Account.LOCAL.equals(account.source()));
        row.add(enable, role);
        if (Account.LOCAL.equals(account.source())) {
            PasswordField reset = new PasswordField();
            reset.setPlaceholder("New password");
            reset.setAriaLabel("New password for " + account.name());
            Button set = new Button("Reset password", click -> change(() -> {
                accounts.resetPassword(account.name(), reset.getValue().toCharArray());
                audit.record(actor, AuditLog.PASSWORD_RESET, account.name(), null);
            }, "Password of " + account.name() + " reset; any lockout lifted."));
            row.add(reset, set);
        }
        row.getChildren().filter(c -> c instanceof Button)
                .forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_SMALL));
        return row;
    }

    private void change(Runnable action, String done) {
        try {
            action.run();
            message.setText(done);
        } catch (AccountException e) {
            message.setText(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        users.setItems(accounts.list());
        events.setItems(audit.recent(AUDIT_SHOWN));
    }
}
