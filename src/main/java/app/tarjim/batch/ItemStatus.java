package app.tarjim.batch;

/** Where one batch item stands. DONE, FAILED and CANCELLED are final until the user retries. */
public enum ItemStatus {
    PENDING, RUNNING, DONE, FAILED, CANCELLED
}
