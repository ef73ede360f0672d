package app.tarjim.pipeline.glossary;

import java.util.List;

/** The fixed renderings for one article (or one user); may be empty. */
public record Glossary(List<GlossaryEntry> entries) {

    public static final Glossary EMPTY = new Glossary(List.of());

    public Glossary {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
