package app.tarjim.document.in;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches an article page by URL for text extraction, defensively: http and https only, a size and a
 * time limit, and no requests to loopback, private, link-local or otherwise internal addresses unless
 * configured (so the server cannot be used to probe its own network). Redirects are followed by hand so
 * each hop is checked the same way.
 */
public final class UrlArticleFetcher {

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient http;
    private final long maxBytes;
    private final Duration timeout;
    private final boolean allowPrivateAddresses;
    private final ArticleHtmlExtractor extractor = new ArticleHtmlExtractor();

    public UrlArticleFetcher(long maxBytes, Duration timeout, boolean allowPrivateAddresses) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    public ExtractedDocument fetch(String url) throws DocumentImportException {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(uri);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new DocumentImportException(url, "The page at " + url + " redirects nowhere."));
                close(response);
                uri = uri.resolve(location);
                continue;
            }
            if (status != 200) {
                close(response);
                throw new DocumentImportException(url, "The page at " + url + " answered HTTP " + status + ".");
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.contains("html") && !type.startsWith("text/")) {
                close(response);
                throw new DocumentImportException(url, "The address " + url + " is not a web page (" + type
                        + "). Download the file and upload it instead.");
            }
            byte[] body = readLimited(response, url);
            ExtractedDocument document = extractor.extract(body, uri.toString());
            if (document.text().isBlank()) {
                throw new DocumentImportException(url, "No article text was found at " + url + ".");
            }
            return document;
        }
        throw new DocumentImportException(url, "The page at " + url + " redirects too many times.");
    }

    private static URI parse(String url) throws DocumentImportException {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new DocumentImportException(url, "Only http and https addresses can be fetched.");
            }
            if (uri.getHost() == null) {
                throw new DocumentImportException(url, "The address " + url + " has no host name.");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new DocumentImportException(url, "This is not a valid web address: " + url);
        }
    }

    private void checkAllowed(URI uri) throws DocumentImportException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DocumentImportException(uri.toString(), "Only http and https addresses can be fetched.");
        }
        if (allowPrivateAddresses) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(address)) {
                    throw new DocumentImportException(uri.toString(), "Tarjim does not fetch pages from "
                            + "local or private network addresses (" + uri.getHost() + ").");
                }
            }
        } catch (UnknownHostException e) {
            throw new DocumentImportException(uri.toString(), "The host " + uri.getHost() + " could not be found.");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }

    private HttpResponse<InputStream> send(URI uri) throws DocumentImportException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "Tarjim/0.1 (article fetch)")
                .header("Accept", "text/html,application/xhtml+xml")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DocumentImportException(uri.toString(), "Could not fetch " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentImportException(uri.toString(), "Fetching " + uri + " was interrupted.");
        }
    }

    private byte[] readLimited(HttpResponse<InputStream> response, String url) throws DocumentImportException {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new DocumentImportException(url, "The page at " + url + " is larger than "
                            + (maxBytes / 1024) + " KB; save the article text and paste it instead.");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DocumentImportException(url, "Could not read " + url + ": " + e.getMessage());
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Nothing more to read from a response we are discarding.
        }
    }
}
