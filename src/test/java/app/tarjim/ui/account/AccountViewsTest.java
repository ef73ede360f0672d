package app.tarjim.ui.account;

import app.tarjim.account.Accounts;
import app.tarjim.account.AuditLog;
import app.tarjim.account.UserApiKeys;
import app.tarjim.security.SignedIn;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings page (API keys) and the admin page (users, audit log), rendered by Karibu-Testing in mode local. */
@SpringBootTest(properties = "tarjim.security.mode=local")
class AccountViewsTest {

    @Autowired
    app.tarjim.security.SecurityProperties security;
    @Autowired
    Accounts accounts;
    @Autowired
    ObjectProvider<UserApiKeys> keys;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        jdbc.sql("DELETE FROM user_account").update();
        accounts.addLocal("alice", "alice's long password".toCharArray(), false);
        accounts.addLocal("root", "root's long password".toCharArray(), true);
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeyIsShownOnceWorksAndStopsWhenRevoked() {
        signedIn("alice", false);
        SettingsView view = new SettingsView(accounts, keys, audit);
        UI.getCurrent().add(view);
        LocatorJ._get(TextField.class, spec -> spec.withId("key-name")).setValue("Weblate");
        LocatorJ._get(IntegerField.class, spec -> spec.withId("key-rate")).setValue(30);
        LocatorJ._get(Button.class, spec -> spec.withId("make-key")).click();

        String secret = LocatorJ._get(Span.class, spec -> spec.withId("new-key-secret")).getText();
        assertThat(secret).startsWith("tj_");
        var holder = keys.getObject().find(secret).orElseThrow();
        assertThat(holder.owner()).isEqualTo(SignedIn.ownerOf("alice"));
        assertThat(holder.requestsPerMinute()).isEqualTo(30);
        assertThat(audit.recent(5)).anyMatch(e -> e.action().equals(AuditLog.KEY_CREATED) && e.actor().equals("alice"));

        // A new page shows the key by name and first characters only.
        MockVaadin.tearDown();
        MockVaadin.setup();
        UI.getCurrent().add(new SettingsView(accounts, keys, audit));
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("new-key-secret"))).isEmpty();
        Grid<?> grid = LocatorJ._get(Grid.class);
        ((Button) GridKt._getCellComponent(grid, 0, "revoke")).click();
        assertThat(keys.getObject().find(secret)).isEmpty();
    }

    @Test
    void aBadKeyNameIsExplained() {
        signedIn("alice", false);
        UI.getCurrent().add(new SettingsView(accounts, keys, audit));
        LocatorJ._get(Button.class, spec -> spec.withId("make-key")).click();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("key-error")).getText()).contains("name");
    }

    @Test
    void adminsAddAndDisableUsers() {
        signedIn("root", true);
        UI.getCurrent().add(new AdminView(accounts, audit, security));
        LocatorJ._get(TextField.class, spec -> spec.withId("new-user-name")).setValue("bob");
        LocatorJ._get(PasswordField.class, spec -> spec.withId("new-user-password")).setValue("short");
        LocatorJ._get(Button.class, spec -> spec.withId("add-user")).click();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("admin-message")).getText())
                .contains("at least 10 characters");
        assertThat(accounts.find("bob")).isEmpty();

        LocatorJ._get(PasswordField.class, spec -> spec.withId("new-user-password")).setValue("bob's long password");
        LocatorJ._get(Checkbox.class, spec -> spec.withId("new-user-admin")).setValue(false);
        LocatorJ._get(Button.class, spec -> spec.withId("add-user")).click();
        assertThat(accounts.find("bob").orElseThrow().enabled()).isTrue();

        // Rows are sorted by name: alice, bob, root; root (the admin themself) cannot be disabled.
        Grid<?> users = LocatorJ._find(Grid.class).get(0);
        assertThat(GridKt._size(users)).isEqualTo(3);
        assertThat(disableButton(users, 2).isEnabled()).isFalse();
        disableButton(users, 1).click();
        assertThat(accounts.find("bob").orElseThrow().enabled()).isFalse();
        assertThat(audit.recent(5)).extracting(e -> e.action()).contains(AuditLog.USER_ADDED, AuditLog.USER_DISABLED);
    }

    @Test
    void withOidcSignInTheAdminPageOffersNoPasswordAccounts() {
        signedIn("root", true);
        app.tarjim.security.SecurityProperties oidc = new app.tarjim.security.SecurityProperties(security.allowedOrigins(),
                app.tarjim.security.SecurityMode.OIDC, security.login(), security.oidc());
        UI.getCurrent().add(new AdminView(accounts, audit, oidc));
        // Karibu finds visible components only
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("add-user"))).isEmpty();
        assertThat(LocatorJ._find(TextField.class, spec -> spec.withId("new-user-name"))).isEmpty();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("oidc-accounts-note")).getText())
                .contains("first time they sign in through the identity provider");
    }

    private static Button disableButton(Grid<?> users, int row) {
        return (Button) GridKt._getCellComponent(users, row, "actions").getChildren()
                .filter(c -> c instanceof Button b && b.getText().equals("Disable")).findFirst().orElseThrow();
    }

    private static void signedIn(String name, boolean admin) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                admin ? AuthorityUtils.createAuthorityList("ROLE_USER", SignedIn.ADMIN_AUTHORITY)
                        : AuthorityUtils.createAuthorityList("ROLE_USER")));
    }
}
