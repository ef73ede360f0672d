package app.tarjim.ui;

import app.tarjim.pipeline.ModelService;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.TranslationPreset;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;

/**
 * The warning that demo models stand in for the real ones, for pages other than the translate page (which
 * keeps its own, tied to the article shown). Shown from the fast preset's resolution, as the batch worker uses it.
 */
public class DemoBanner extends Div {

    private final ModelService models;

    public DemoBanner(ModelService models) {
        this.models = models;
        addClassName("demo-banner");
        setId("demo-banner");
        getElement().setAttribute("role", "note");
        show(models.resolved(TranslationPreset.FAST).map(ModelResolution::demo).orElse(false));
    }

    void show(boolean demo) {
        setVisible(demo);
        setText(demo ? ModelResolution.DEMO_NOTICE + " The real models are not installed (see README, Models)." : "");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (!isVisible()) {
            // Not resolved yet at construction: find out in the background and show it when known.
            models.prepare(TranslationPreset.FAST).thenAccept(resolution -> {
                try {
                    event.getUI().access(() -> show(resolution.demo()));
                } catch (UIDetachedException e) {
                    // The page was closed meanwhile.
                }
            });
        }
    }
}
