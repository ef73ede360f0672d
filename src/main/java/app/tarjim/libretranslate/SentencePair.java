package app.tarjim.libretranslate;

/**
 * One source sentence of a piece as the pipeline cut it, exactly as it appears in the piece, and its English.
 *
 * @param confidence the model's confidence, 0..1
 */
record SentencePair(String source, String target, double confidence) {
}
