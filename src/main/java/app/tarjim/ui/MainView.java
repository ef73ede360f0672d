package app.tarjim.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import java.util.Arrays;
import java.util.List;

/** The translate page: Arabic in, source and English side by side. */
@Route("")
@PageTitle("Tarjim — Arabic news in English")
public class MainView extends VerticalLayout {

    final TextArea input = new TextArea();
    final Button translate = new Button("Translate");
    final Span status = new Span();
    final Div sourcePanel = new Div();
    final Div targetPanel = new Div();

    public MainView() {
        addClassName("main-view");
        setWidthFull();

        H1 title = new H1("Tarjim");
        Paragraph tagline = new Paragraph("Paste an Arabic news article to read it in English, side by side.");
        tagline.addClassName("tagline");

        input.setLabel("Arabic article");
        input.setPlaceholder("الصق نص المقال هنا");
        input.addClassName("arabic-input");
        input.getElement().setAttribute("dir", "rtl");
        input.getElement().setAttribute("lang", "ar");
        input.setWidthFull();
        input.setMinHeight("8em");
        input.setMaxHeight("16em");

        translate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        translate.setId("translate");
        translate.addClickListener(e -> showSource(input.getValue()));
        status.addClassName("status");
        status.setId("status");

        sourcePanel.addClassNames("panel", "source-panel");
        sourcePanel.getElement().setAttribute("dir", "rtl");
        sourcePanel.getElement().setAttribute("lang", "ar");
        targetPanel.addClassNames("panel", "target-panel");
        targetPanel.getElement().setAttribute("lang", "en");

        Div panels = new Div(panel("Arabic source", sourcePanel), panel("English", targetPanel));
        panels.addClassName("panels");

        add(title, tagline, input, translate, status, panels);
    }

    private static Div panel(String heading, Div body) {
        Div column = new Div(new H2(heading), body);
        column.addClassName("panel-column");
        return column;
    }

    /** Until a model is loaded, show the source by paragraph and say so plainly; never invent English. */
    void showSource(String text) {
        sourcePanel.removeAll();
        targetPanel.removeAll();
        List<String> paragraphs = paragraphs(text);
        if (paragraphs.isEmpty()) {
            status.setText("Paste some Arabic text first.");
            return;
        }
        for (String p : paragraphs) {
            Paragraph para = new Paragraph(p);
            para.addClassName("source-paragraph");
            sourcePanel.add(para);
        }
        status.setText("No translation model is loaded: showing the source in " + paragraphs.size()
                + " paragraphs.");
    }

    static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
