package app.tarjim.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/** Application-wide page settings: the theme folder {@code frontend/themes/tarjim} and server push. */
@Push
@Theme("tarjim")
public class AppShell implements AppShellConfigurator {
}
