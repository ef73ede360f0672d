package app.tarjim.pipeline.input;

import java.util.regex.Pattern;

/**
 * The share of letters that are Arabic script. Only letters count, and URLs and e-mail addresses are left
 * out, so numbers, links and the English names a news article quotes do not push an Arabic text under.
 *
 * @param letters       letters of any script
 * @param arabicLetters letters of the Arabic script
 */
public record ArabicShare(int letters, int arabicLetters) {

    private static final Pattern LINKS = Pattern.compile("(?i)(?:https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+");

    public static ArabicShare of(String input) {
        String text = LINKS.matcher(input).replaceAll(" ");
        int letters = 0;
        int arabic = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
        }
        return new ArabicShare(letters, arabic);
    }

    /** Arabic letters over all letters; 0 when there are no letters. */
    public double share() {
        return letters == 0 ? 0 : (double) arabicLetters / letters;
    }

    /** The share as a whole percentage, rounded down so that 49.6% never reads as 50%. */
    public int percent() {
        return (int) Math.floor(share() * 100);
    }
}
