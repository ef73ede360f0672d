package app.tarjim.pipeline.glossary;

/** An Arabic term and the English rendering it must always get. */
public record GlossaryEntry(String arabic, String english) {

    public GlossaryEntry {
        if (arabic == null || arabic.isBlank() || english == null || english.isBlank()) {
            throw new IllegalArgumentException("A glossary entry needs an Arabic term and an English rendering");
        }
        arabic = arabic.strip();
        english = english.strip();
    }
}
