package app.tarjim.document.in;

/**
 * Something wrong with one entry or line of a batch input; the rest of the batch is still read.
 *
 * @param sourceName the input file, or the ZIP entry path
 * @param lineNumber the 1-based line where the bad record starts in CSV and JSONL; 0 when not line-based
 * @param message    what is wrong, for people
 */
public record BatchProblem(String sourceName, long lineNumber, String message) {

    /** "articles.csv line 7: missing text" or "batch.zip: news/a.pdf: ...". */
    public String describe() {
        return lineNumber > 0 ? sourceName + " line " + lineNumber + ": " + message : sourceName + ": " + message;
    }
}
