package app.tarjim.batch;

/**
 * What a processor gets for one item.
 *
 * @param title         may be null when the input had none
 * @param summaryLength the job's summary preset name (SHORT, MEDIUM, LONG or NONE)
 */
public record ItemToProcess(long itemId, String externalId, String title, String text, String summaryLength) {
}
