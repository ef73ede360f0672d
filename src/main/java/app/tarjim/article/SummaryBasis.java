package app.tarjim.article;

/** Which translation an article's summary was made from. */
public enum SummaryBasis {
    /** The pipeline's own, made with the translation. */
    MACHINE,
    /** Made again on request from the translation as people edited it. */
    EDITED;

    /** As the JSON spells it. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
