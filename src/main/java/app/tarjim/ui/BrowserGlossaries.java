package app.tarjim.ui;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The glossary text each browser last used, by its {@link BrowserOwner} id: what was typed or uploaded comes
 * back after a reload. Kept as the user's CSV text, unparsed, so nothing they typed is reformatted or lost.
 */
@Repository
public class BrowserGlossaries {

    /** Longest glossary kept; far above a real newsroom list, and small enough for one database row. */
    public static final int MAX_CHARS = 200_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public BrowserGlossaries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> find(String owner) {
        return jdbc.sql("SELECT terms FROM browser_glossary WHERE owner = :owner")
                .param("owner", owner).query(String.class).optional();
    }

    /** Keeps {@code terms} for {@code owner}; blank text forgets it. */
    public void save(String owner, String terms) {
        if (terms.length() > MAX_CHARS) {
            throw new IllegalArgumentException("A glossary is kept up to " + MAX_CHARS + " characters");
        }
        if (terms.isBlank()) {
            jdbc.sql("DELETE FROM browser_glossary WHERE owner = :owner").param("owner", owner).update();
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE browser_glossary SET terms = :terms, updated_at = :now WHERE owner = :owner")
                .param("terms", terms).param("now", now).param("owner", owner).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO browser_glossary (owner, terms, updated_at) VALUES (:owner, :terms, :now)")
                        .param("owner", owner).param("terms", terms).param("now", now).update();
            } catch (DuplicateKeyException raced) {
                // Another tab of the same browser inserted first; the newer text wins.
                jdbc.sql("UPDATE browser_glossary SET terms = :terms, updated_at = :now WHERE owner = :owner")
                        .param("terms", terms).param("now", now).param("owner", owner).update();
            }
        }
    }
}
