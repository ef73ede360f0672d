/**
 * Glossaries: Arabic terms with fixed English renderings, applied the same way in every sentence.
 * <p>
 * Design: <b>write the rendering into the source, verify, splice as a fallback.</b> Before translation
 * each term occurrence (folded spelling, whole words, longest first, behind clitics و ف ب ل ك ال) is
 * replaced in the model input by its English rendering. Marian models copy Latin-script names through
 * in context, so the sentence keeps its syntax and usually comes back with the rendering in place. The
 * output is then checked: if any rendering is missing (small or demo models often mangle foreign words),
 * the sentence is translated again in pieces, the text between the terms, and the renderings are spliced
 * in between the translated pieces. The rendering is therefore in the output every time; only sentences
 * the model got wrong pay for the second pass and the less fluent spliced form.
 * <p>
 * Placeholders such as {@code __T1__} were rejected: small models drop or translate them, and a missing
 * placeholder leaves nowhere to put the rendering back.
 */
package app.tarjim.pipeline.glossary;
