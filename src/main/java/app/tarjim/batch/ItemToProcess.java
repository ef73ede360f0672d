package app.tarjim.batch;

/**
 * What a processor gets for one item.
 *
 * @param title         may be null when the input had none
 * @param summaryLength the job's summary preset name (SHORT, MEDIUM, LONG or NONE)
 * @param models        the job's translation and summary models and language check
 */
public record ItemToProcess(long itemId, String externalId, String title, String text, String summaryLength,
                            BatchModels models) {

    public ItemToProcess {
        models = models == null ? BatchModels.DEFAULT : models;
    }

    public ItemToProcess(long itemId, String externalId, String title, String text, String summaryLength) {
        this(itemId, externalId, title, text, summaryLength, BatchModels.DEFAULT);
    }
}
