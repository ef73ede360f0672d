package app.tarjim.article;

import java.util.UUID;

/** The article does not exist or belongs to someone else; the two are deliberately not told apart. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(UUID id) {
        super("No article " + id);
    }
}
