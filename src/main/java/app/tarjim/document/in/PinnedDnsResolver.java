package app.tarjim.document.in;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers HttpClient's lookups with the addresses {@link AddressGuard} already checked and nothing else,
 * so the connection goes to a checked address while the Host header, TLS SNI and certificate check still
 * use the host name.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final Map<String, InetAddress[]> pinned = new ConcurrentHashMap<>();

    void pin(String host, List<InetAddress> addresses) {
        pinned.put(key(host), addresses.toArray(InetAddress[]::new));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = pinned.get(key(host));
        if (addresses == null) {
            throw new UnknownHostException(host + " was not checked before connecting");
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // a canonical-name lookup would be a second, unchecked answer
    }

    private static String key(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }
}
