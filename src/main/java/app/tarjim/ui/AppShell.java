package app.tarjim.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/**
 * Application-wide page settings: the theme folder {@code frontend/themes/tarjim}, server push, and the icon
 * (an SVG for the tab; {@code /favicon.ico} is there too, for pages without this shell such as share pages).
 */
@Push
@Theme("tarjim")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/tarjim.svg", "any");
    }
}
