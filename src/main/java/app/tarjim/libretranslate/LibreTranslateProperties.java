package app.tarjim.libretranslate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LibreTranslate-compatible API ({@code tarjim.libretranslate.*}).
 *
 * @param charLimit         most characters (code points) one request may carry, all of {@code q} together
 * @param batchLimit        most texts in an array {@code q}
 * @param alternativesLimit most alternative translations one may ask for
 * @param keptFiles         translated files kept for download; the oldest go first
 */
@ConfigurationProperties("tarjim.libretranslate")
record LibreTranslateProperties(Integer charLimit, Integer batchLimit, Integer alternativesLimit,
                                Integer keptFiles) {

    LibreTranslateProperties {
        charLimit = charLimit == null || charLimit < 1 ? 20_000 : charLimit;
        batchLimit = batchLimit == null || batchLimit < 1 ? 100 : batchLimit;
        alternativesLimit = alternativesLimit == null || alternativesLimit < 0 ? 3 : alternativesLimit;
        keptFiles = keptFiles == null || keptFiles < 1 ? 100 : keptFiles;
    }
}
