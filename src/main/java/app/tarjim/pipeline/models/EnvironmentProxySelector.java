package app.tarjim.pipeline.models;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the proxy the way curl and Python's requests/httpx read {@code HTTPS_PROXY}, {@code HTTP_PROXY} and
 * {@code NO_PROXY}: by the scheme of the URL, none for hosts in {@code NO_PROXY} (exact names, domain suffixes
 * with or without a leading dot, {@code *} for all). Falls back to the JVM's own selector
 * ({@code -Dhttps.proxyHost}) when no variable applies.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private final Optional<InetSocketAddress> https;
    private final Optional<InetSocketAddress> http;
    private final List<String> noProxy;
    private final ProxySelector fallback;

    public EnvironmentProxySelector(HubEnvironment environment, ProxySelector fallback) {
        this.https = environment.httpsProxy().map(EnvironmentProxySelector::address);
        this.http = environment.httpProxy().map(EnvironmentProxySelector::address);
        this.noProxy = environment.noProxy()
                .map(list -> Arrays.stream(list.split(","))
                        .map(host -> host.strip().toLowerCase(Locale.ROOT))
                        .filter(host -> !host.isEmpty())
                        .toList())
                .orElse(List.of());
        this.fallback = fallback;
    }

    /** Whether any proxy variable is set; when none is, there is nothing to wire. */
    public boolean configured() {
        return https.isPresent() || http.isPresent();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<InetSocketAddress> proxy = "https".equals(scheme) ? https.or(() -> http) : http;
        if (proxy.isEmpty()) {
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }
        if (bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
    }

    boolean bypassed(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            // as curl: an optional port is ignored, a leading "." or "*." too, and a name matches its subdomains
            String pattern = entry.replaceFirst(":\\d+$", "").replaceFirst("^\\*?\\.", "");
            if (pattern.equals("*") || name.equals(pattern) || name.endsWith("." + pattern)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (fallback != null) {
            fallback.connectFailed(uri, address, e);
        }
    }

    /** {@code http://user:pass@host:port/}, {@code host:port} or {@code host}; port 80 (443 for https) when absent. */
    private static InetSocketAddress address(String value) {
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        if (uri.getHost() == null) {
            throw new ModelUnavailableException("The proxy setting '" + value + "' is not a URL such as http://proxy:3128.");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }
}
