package app.tarjim.pipeline.text;

/**
 * A tokenizer-free estimate for when no model is at hand. It errs high on purpose: Marian's SentencePiece
 * cuts an Arabic word into one to three pieces, so one token per started three letters, plus one for the
 * end-of-sequence token, keeps estimated segments inside the real limit.
 */
public final class EstimatedTokenCounter implements TokenCounter {

    private static final int CHARACTERS_PER_TOKEN = 3;

    @Override
    public int count(String text) {
        int tokens = 1;
        int wordLength = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                tokens += tokensFor(wordLength);
                wordLength = 0;
            } else {
                wordLength++;
            }
        }
        return tokens + tokensFor(wordLength);
    }

    private static int tokensFor(int wordLength) {
        return (wordLength + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }
}
