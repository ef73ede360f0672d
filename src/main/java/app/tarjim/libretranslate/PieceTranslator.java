package app.tarjim.libretranslate;

import java.util.List;

/**
 * Translates single-line pieces of text (a plain-text line, the text of an HTML block) in one go. The answer
 * follows the pieces; a piece with nothing to translate (no Arabic letters) gets an empty list and is kept as
 * it is.
 */
interface PieceTranslator {

    List<List<SentencePair>> translate(List<String> pieces);
}
