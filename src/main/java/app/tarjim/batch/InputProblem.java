package app.tarjim.batch;

/**
 * A line or entry of the input that could not be read; the rest of the batch goes ahead.
 *
 * @param lineNumber 1-based line in CSV and JSONL inputs; 0 when not line-based
 */
public record InputProblem(String sourceName, long lineNumber, String message) {
}
