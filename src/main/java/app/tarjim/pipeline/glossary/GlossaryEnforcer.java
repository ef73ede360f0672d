package app.tarjim.pipeline.glossary;

/** Plans the glossary for each model input of an article (see the package documentation for the design). */
public final class GlossaryEnforcer {

    private final GlossaryMatcher matcher;

    public GlossaryEnforcer(Glossary glossary) {
        this.matcher = new GlossaryMatcher(glossary);
    }

    public GlossaryPlan plan(String modelInput) {
        return new GlossaryPlan(modelInput, matcher.find(modelInput));
    }
}
