package app.tarjim.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;

/**
 * A link for keyboard users, shown only while focused, that moves focus to a part of the page further down.
 * The browser's own {@code #fragment} jump is not used: the page's {@code <base href>} would turn it into a
 * navigation to the application root.
 */
final class SkipLink extends Anchor {

    SkipLink(String text, Component target) {
        super("#" + target.getId().orElseThrow(() -> new IllegalArgumentException("the target needs an id")), text);
        addClassName("skip-link");
        getElement().setAttribute("router-ignore", true);
        getElement().executeJs("""
                this.addEventListener('click', e => {
                    e.preventDefault();
                    const target = document.getElementById($0);
                    if (target) { target.focus({preventScroll: true}); target.scrollIntoView(); }
                });""", target.getId().get());
    }
}
