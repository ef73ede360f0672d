package app.tarjim.ui;

import app.tarjim.article.UserGlossaries;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The glossary text each browser last used, by its {@link BrowserOwner} id: what was typed or uploaded comes
 * back after a reload. Kept as the user's CSV text, unparsed, so nothing they typed is reformatted or lost.
 * The same glossary the Glossary page edits term by term ({@link UserGlossaries}).
 */
@Repository
public class BrowserGlossaries {

    /** Longest glossary kept; far above a real newsroom list, and small enough for one database row. */
    public static final int MAX_CHARS = UserGlossaries.MAX_CHARS;

    private final UserGlossaries glossaries;

    public BrowserGlossaries(UserGlossaries glossaries) {
        this.glossaries = glossaries;
    }

    public Optional<String> find(String owner) {
        return glossaries.text(owner);
    }

    /** Keeps {@code terms} for {@code owner}; blank text forgets it. */
    public void save(String owner, String terms) {
        if (terms.length() > MAX_CHARS) {
            throw new IllegalArgumentException("A glossary is kept up to " + MAX_CHARS + " characters");
        }
        glossaries.save(owner, terms);
    }
}
