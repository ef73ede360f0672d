package app.tarjim.batch.web;

import app.tarjim.batch.BatchModels;
import app.tarjim.batch.NewBatch;

/** What the audit log says of a batch: how many articles, from which file, with which models; never their text. */
public final class AuditDetails {

    private AuditDetails() {
    }

    /** "12 articles from news.csv (preset quality, summary model fast, forced)". */
    public static String batch(NewBatch batch) {
        int n = batch.items().size();
        BatchModels models = batch.models();
        return n + (n == 1 ? " article" : " articles") + " from " + batch.name() + " (preset " + models.preset().label()
                + ", summary model " + models.summaryModel().label() + (models.force() ? ", forced" : "") + ")";
    }
}
