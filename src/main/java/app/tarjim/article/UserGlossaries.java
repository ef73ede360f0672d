package app.tarjim.article;

import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryCsvReader;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Each owner's glossary (a browser's, by its cookie id, or an API key's), applied to their new articles by
 * default. Kept as CSV text in the {@link GlossaryCsvReader} format ({@code arabic,english} a line), as the
 * translate page's box shows it: text typed or imported whole is kept as written; changes to single terms
 * rewrite it. Every change is compare-and-set on the stored text, so two tabs adding terms at once both land.
 */
@Service
public class UserGlossaries {

    /** Longest glossary kept; far above a real newsroom list, and small enough for one database row. */
    public static final int MAX_CHARS = 200_000;
    private static final int MAX_ATTEMPTS = 10;
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final JdbcClient jdbc;
    private final Clock clock;

    public UserGlossaries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The glossary as stored, unparsed. */
    public Optional<String> text(String owner) {
        return jdbc.sql("SELECT terms FROM browser_glossary WHERE owner = :owner")
                .param("owner", owner).query(String.class).optional();
    }

    /** The owner's terms; {@link GlossaryFormatException} naming the line when the stored text is broken. */
    public Glossary terms(String owner) {
        return parse(text(owner).orElse(""));
    }

    /** Keeps {@code text} as the owner's whole glossary, as written; blank text forgets it. Not checked. */
    public void save(String owner, String text) {
        checkLength(text);
        if (text.isBlank()) {
            jdbc.sql("DELETE FROM browser_glossary WHERE owner = :owner").param("owner", owner).update();
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE browser_glossary SET terms = :terms, updated_at = :now WHERE owner = :owner")
                .param("terms", text).param("now", now).param("owner", owner).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO browser_glossary (owner, terms, updated_at) VALUES (:owner, :terms, :now)")
                        .param("owner", owner).param("terms", text).param("now", now).update();
            } catch (DuplicateKeyException raced) {
                // Another tab of the same owner inserted first; the newer text wins.
                jdbc.sql("UPDATE browser_glossary SET terms = :terms, updated_at = :now WHERE owner = :owner")
                        .param("terms", text).param("now", now).param("owner", owner).update();
            }
        }
    }

    /** Replaces the whole glossary with a CSV file's text, after checking it; returns its terms. */
    public Glossary replace(String owner, String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        Glossary parsed = parse(text);
        save(owner, text);
        return parsed;
    }

    /** Adds a CSV file's terms; where both have a term, the file's rendering wins. Returns the whole glossary. */
    public Glossary merge(String owner, String csv) {
        Glossary imported = parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        return change(owner, terms -> {
            List<GlossaryEntry> merged = new ArrayList<>(terms);
            for (GlossaryEntry entry : imported.entries()) {
                put(merged, entry);
            }
            return merged;
        });
    }

    /** Adds a term, or gives an existing one a new rendering. Returns the whole glossary. */
    public Glossary put(String owner, GlossaryEntry entry) {
        return change(owner, terms -> {
            List<GlossaryEntry> changed = new ArrayList<>(terms);
            put(changed, entry);
            return changed;
        });
    }

    /** Removes a term; false when the glossary has no such term. */
    public boolean remove(String owner, String arabic) {
        String term = arabic == null ? "" : arabic.strip();
        boolean[] found = {false};
        change(owner, terms -> {
            List<GlossaryEntry> kept = terms.stream().filter(e -> !e.arabic().equals(term)).toList();
            found[0] = kept.size() < terms.size();
            return kept;
        });
        return found[0];
    }

    /** The terms as CSV text in the reader's format, with its header row. */
    public static String toCsv(Glossary glossary) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord("arabic", "english");
            for (GlossaryEntry entry : glossary.entries()) {
                printer.printRecord(entry.arabic(), entry.english());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void put(List<GlossaryEntry> terms, GlossaryEntry entry) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).arabic().equals(entry.arabic())) {
                terms.set(i, entry);
                return;
            }
        }
        terms.add(entry);
    }

    private Glossary change(String owner, UnaryOperator<List<GlossaryEntry>> edit) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<String> before = text(owner);
            Glossary changed = new Glossary(edit.apply(parse(before.orElse("")).entries()));
            String text = changed.isEmpty() ? "" : toCsv(changed);
            checkLength(text);
            if (store(owner, before, text)) {
                return changed;
            }
        }
        throw new IllegalStateException("The glossary kept changing elsewhere; try again.");
    }

    /** Writes {@code text} only if the stored text is still {@code before}; false when another change won. */
    private boolean store(String owner, Optional<String> before, String text) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (before.isEmpty()) {
            if (text.isEmpty()) {
                return true;
            }
            try {
                jdbc.sql("INSERT INTO browser_glossary (owner, terms, updated_at) VALUES (:owner, :terms, :now)")
                        .param("owner", owner).param("terms", text).param("now", now).update();
                return true;
            } catch (DuplicateKeyException raced) {
                return false;
            }
        }
        if (text.isEmpty()) {
            return jdbc.sql("DELETE FROM browser_glossary WHERE owner = :owner AND terms = :before")
                    .param("owner", owner).param("before", before.get()).update() == 1;
        }
        return jdbc.sql("UPDATE browser_glossary SET terms = :terms, updated_at = :now"
                        + " WHERE owner = :owner AND terms = :before")
                .param("terms", text).param("now", now).param("owner", owner).param("before", before.get())
                .update() == 1;
    }

    private static Glossary parse(String text) {
        return text.isBlank() ? Glossary.EMPTY : new GlossaryCsvReader().read(new StringReader(text));
    }

    private static void checkLength(String text) {
        if (text.length() > MAX_CHARS) {
            throw new GlossaryFormatException("A glossary is kept up to " + MAX_CHARS + " characters; this one has "
                    + text.length() + ".");
        }
    }
}
