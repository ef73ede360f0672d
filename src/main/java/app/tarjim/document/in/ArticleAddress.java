package app.tarjim.document.in;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a typed article address into an http(s) URI; an address typed without a scheme is tried as https. */
final class ArticleAddress {

    // "name:" starts a scheme unless a port number follows, as in "localhost:8080/page".
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)");

    private ArticleAddress() {
    }

    static URI parse(String typed) throws DocumentImportException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new DocumentImportException("", "Type the address of an article page first.");
        }
        if (text.startsWith("//")) {
            text = "https:" + text;
        } else if (!SCHEME.matcher(text).find()) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new DocumentImportException(typed, "This is not a valid web address: " + typed.strip());
        }
        checkScheme(uri);
        return uri;
    }

    /** Every hop, redirects included, must be plain http or https with a host name. */
    static void checkScheme(URI uri) throws DocumentImportException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DocumentImportException(uri.toString(), "Only http and https addresses can be fetched.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new DocumentImportException(uri.toString(), "The address " + uri + " has no host name.");
        }
    }
}
