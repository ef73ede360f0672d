package app.tarjim.api;

/**
 * A person's translation of one sentence.
 *
 * @param target          the new English
 * @param expectedVersion the sentence's {@code version} when the client read it; with it, an edit made
 *                        meanwhile elsewhere makes this one fail with 409 instead of being overwritten
 */
public record SentenceEditRequest(String target, Integer expectedVersion) {
}
