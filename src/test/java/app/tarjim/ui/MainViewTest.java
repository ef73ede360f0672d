package app.tarjim.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

class MainViewTest {

    private static Routes routes;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("app.tarjim.ui");
    }

    @BeforeEach
    void setUp() {
        MockVaadin.setup(routes);
        UI.getCurrent().navigate(MainView.class);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void translateShowsSourceParagraphsAndNoInventedEnglish() {
        MainView view = _get(MainView.class);
        view.input.setValue("العنوان\n\nالفقرة الأولى.\nالفقرة الثانية.");
        view.translate.click();
        assertThat(_find(view.sourcePanel, Paragraph.class)).hasSize(3);
        assertThat(view.targetPanel.getChildren().count()).isZero();
        assertThat(view.status.getText()).contains("No translation model");
    }

    @Test
    void emptyInputAsksForText() {
        MainView view = _get(MainView.class);
        view.translate.click();
        assertThat(view.status.getText()).contains("Paste some Arabic text");
    }
}
