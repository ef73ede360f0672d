package app.tarjim.pipeline.summarize;

/**
 * @param text   the summary; empty for {@link SummaryLength#NONE}
 * @param length the preset used
 * @param chunks how many pieces the text was cut into for the first pass (1 when it fitted whole)
 * @param rounds how many summarising passes it took (0 for NONE, 1 when the text fitted whole)
 */
public record Summary(String text, SummaryLength length, int chunks, int rounds) {

    public static Summary none() {
        return new Summary("", SummaryLength.NONE, 0, 0);
    }
}
