package app.tarjim.article;

/** Names of the models that produced a result; the summarizer is null when no summary was made. */
public record ModelsUsed(String translationModel, String summarizerModel) {

    public static final ModelsUsed NONE = new ModelsUsed(null, null);
}
