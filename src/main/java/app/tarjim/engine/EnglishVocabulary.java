package app.tarjim.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * The output ids an English translation can use, computed once from tokenizer.json. An id is allowed when
 * <ul>
 *   <li>it is a special token other than a language code ({@code <s>}, {@code </s>}, {@code <pad>}, {@code <unk>}),
 *       or it is the target language code itself (forced as the first token);</li>
 *   <li>or its piece, once the SentencePiece word marker {@code ▁} is set aside, is made only of Basic Latin
 *       (U+0020-U+007E: letters, digits, ASCII punctuation), Latin-1 letters and signs (U+00A0-U+00FF, for
 *       names such as Zoë or café), the other Latin letters (U+0100-U+024F Latin Extended-A and -B,
 *       U+1E00-U+1EFF Latin Extended Additional: the names of Arabic news, Erdoğan, Hà Nội, written as their
 *       people write them), general punctuation (U+2010-U+205E: dashes, curly quotes, ellipsis) and currency
 *       signs (U+20A0-U+20CF: €, ₪); the bare marker {@code ▁} is allowed too.</li>
 * </ul>
 * Everything else (Arabic, Cyrillic, CJK, other scripts, other languages' codes) is never generated. NLLB's
 * 256,206 ids come down to the Latin-script part of its vocabulary.
 */
final class EnglishVocabulary {

    private static final char WORD_MARKER = '\u2581';

    private EnglishVocabulary() {
    }

    static boolean allowedPiece(String piece) {
        boolean any = false;
        for (int i = 0; i < piece.length(); ) {
            int c = piece.codePointAt(i);
            i += Character.charCount(c);
            if (c == WORD_MARKER) {
                any = true;
                continue;
            }
            boolean ok = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)
                    || (c >= 0x2010 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20CF);
            if (!ok) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The allowed ids below {@code vocabSize}, ascending. */
    static long[] allowedIds(Path tokenizerFile, String targetLanguage, int vocabSize) {
        JsonNode root = ModelConfigReader.readJson(tokenizerFile);
        TreeSet<Long> ids = new TreeSet<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isArray()) { // Unigram: [[piece, score], ...]
            for (int id = 0; id < vocab.size(); id++) {
                if (allowedPiece(vocab.get(id).path(0).asText(""))) {
                    ids.add((long) id);
                }
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (allowedPiece(e.getKey())) {
                    ids.add(e.getValue().asLong());
                }
            }
        }
        for (JsonNode added : root.path("added_tokens")) {
            String content = added.path("content").asText("");
            long id = added.path("id").asLong();
            ids.remove(id); // an added token's own rule wins over the piece of the same id
            boolean language = LanguageCodes.isLanguageCode(content);
            if (added.path("special").asBoolean(false) ? !language || content.equals(targetLanguage)
                    : allowedPiece(content)) {
                ids.add(id);
            }
        }
        return ids.stream().filter(id -> id >= 0 && id < vocabSize).mapToLong(Long::longValue).toArray();
    }
}
