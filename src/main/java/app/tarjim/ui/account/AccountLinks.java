package app.tarjim.ui.account;

import app.tarjim.security.SignedIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/** Who is signed in, with links to settings (API keys), the admin page for admins, and sign-out. Empty in mode none. */
public class AccountLinks extends HorizontalLayout {

    public AccountLinks() {
        addClassName("account-links");
        setSpacing(true);
        setAlignItems(Alignment.BASELINE);
        SignedIn.current().ifPresentOrElse(user -> {
            Span name = new Span(user.name());
            name.setId("signed-in-as");
            add(name, new Anchor("settings", "Settings"));
            if (user.admin()) {
                add(new Anchor("admin", "Admin"));
            }
            Button signOut = new Button("Sign out", click -> signOut());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            add(signOut);
        }, () -> setVisible(false));
    }

    /** As Spring's logout does: the session ends and the browser goes to the login page. */
    static void signOut() {
        UI ui = UI.getCurrent();
        ui.getPage().setLocation("login?logout");
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            new SecurityContextLogoutHandler().logout(request.getHttpServletRequest(), null, null);
        }
    }
}
