package app.tarjim.pipeline.text;

/** Counts the encoder tokens a (normalised) text becomes; {@code TextGenerator::countTokens} fits. */
@FunctionalInterface
public interface TokenCounter {
    int count(String text);
}
