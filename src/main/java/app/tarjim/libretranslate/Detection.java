package app.tarjim.libretranslate;

import app.tarjim.pipeline.input.ArabicShare;
import app.tarjim.pipeline.input.InputLimits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Language detection for the one pair Tarjim knows: the share of letters that are Arabic says how sure it is
 * that a text is Arabic; the rest is taken for English, the only other language it lists. Confidence is a
 * percentage, as LibreTranslate gives it.
 */
record Detection(String language, double confidence) {

    static List<Detection> candidates(String text) {
        ArabicShare share = ArabicShare.of(text);
        List<Detection> candidates = new ArrayList<>();
        if (share.arabicLetters() > 0) {
            candidates.add(new Detection("ar", percent(share.share())));
        }
        if (share.letters() > share.arabicLetters() || share.letters() == 0) {
            candidates.add(new Detection("en", share.letters() == 0 ? 0.0 : percent(1 - share.share())));
        }
        candidates.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        return candidates;
    }

    /** Arabic when enough of the letters are, by the same share the pipeline asks of its input. */
    static Detection best(String text) {
        ArabicShare share = ArabicShare.of(text);
        return share.letters() > 0 && share.share() >= InputLimits.DEFAULT.minArabicShare()
                ? new Detection("ar", percent(share.share()))
                : new Detection("en", share.letters() == 0 ? 0.0 : percent(1 - share.share()));
    }

    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
