package app.tarjim.pipeline.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Decides whether an input is something Tarjim should translate, before any model time is spent on it.
 * Checks run cheapest first: encoding, emptiness, length, binary content, then the language.
 */
public final class InputValidator {

    /** Above this share of control characters (tabs and line breaks excepted) the input is binary. */
    static final double MAX_CONTROL_SHARE = 0.01;

    private final InputLimits limits;

    public InputValidator(InputLimits limits) {
        this.limits = limits;
    }

    public InputLimits limits() {
        return limits;
    }

    /** Decodes strict UTF-8 (a leading byte-order mark is dropped) and runs {@link #checkText}. */
    public String decodeAndCheck(byte[] bytes) {
        String text = decodeUtf8(bytes);
        checkText(text);
        return text;
    }

    /** Everything but the language: emptiness, length and binary content. */
    public void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new InputRejectedException(RejectionReason.EMPTY,
                    "The text is empty. Paste an Arabic news article to translate.");
        }
        int characters = characters(text);
        if (characters > limits.maxCharacters()) {
            throw new InputRejectedException(RejectionReason.TOO_LONG, String.format(
                    "The text has %s characters, over the limit of %s characters. Translate it in parts.",
                    format(characters), format(limits.maxCharacters())));
        }
        checkNotBinary(text, characters);
    }

    /** How every limit on text length counts: in characters as people see them (code points), not UTF-16 units. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** All checks, the language included. */
    public void check(String text) {
        check(text, false);
    }

    /**
     * All checks; with {@code force} the share of Arabic letters is not held against the text (an Arabic
     * paragraph quoting English code, names or a post can fall under it), but every other check still applies.
     */
    public void check(String text, boolean force) {
        checkText(text);
        checkArabic(text, force);
    }

    public void checkArabic(String text) {
        checkArabic(text, false);
    }

    /** The language check; {@code force} lets a text with too few Arabic letters through, never one with no letters. */
    public void checkArabic(String text, boolean force) {
        ArabicShare share = ArabicShare.of(text);
        if (share.letters() == 0) {
            throw new InputRejectedException(RejectionReason.NOT_ARABIC,
                    "This text has no letters, so there is nothing to translate. Tarjim translates from Arabic.");
        }
        if (!force && share.share() < limits.minArabicShare()) {
            throw new InputRejectedException(RejectionReason.NOT_ARABIC, String.format(
                    "This text looks like it is not Arabic: only %d%% of its letters are Arabic. Tarjim translates from Arabic.",
                    share.percent()), true);
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            throw new InputRejectedException(RejectionReason.INVALID_ENCODING, String.format(
                    "The input is not valid UTF-8 text (invalid bytes at byte %d). Save it as UTF-8 and try again.",
                    buffer.position()));
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(RejectionReason.INVALID_ENCODING,
                    "The input is not valid UTF-8 text. Save it as UTF-8 and try again.");
        }
    }

    private static void checkNotBinary(String text, int characters) {
        if (text.indexOf('\0') >= 0) {
            throw new InputRejectedException(RejectionReason.NOT_TEXT,
                    "The input looks like a binary file, not text: it contains NUL bytes.");
        }
        long controls = text.chars().filter(InputValidator::isUnexpectedControl).count();
        if (controls > characters * MAX_CONTROL_SHARE) {
            throw new InputRejectedException(RejectionReason.NOT_TEXT, String.format(
                    "The input looks like a binary file, not text: %d of its %d characters are control characters.",
                    controls, characters));
        }
    }

    private static boolean isUnexpectedControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }

    private static String format(int n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
