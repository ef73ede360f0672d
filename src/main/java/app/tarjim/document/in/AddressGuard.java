package app.tarjim.document.in;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a host up once and refuses it when any of its addresses is internal (loopback, private,
 * link-local and the like), unless private addresses are allowed. The caller connects to the addresses
 * returned, never to a second lookup, so a DNS answer that changes between check and connect
 * (DNS rebinding) cannot reach the server's own network.
 */
final class AddressGuard {

    static final String ALLOW_SETTING = "tarjim.fetch.allow-private-addresses";

    private final HostResolver resolver;
    private final boolean allowPrivateAddresses;

    AddressGuard(HostResolver resolver, boolean allowPrivateAddresses) {
        this.resolver = resolver;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    List<InetAddress> check(URI uri) throws DocumentImportException {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = null;
        }
        if (addresses == null || addresses.length == 0) {
            throw new DocumentImportException(uri.toString(), "The host " + host + " could not be found.");
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new DocumentImportException(uri.toString(), "Tarjim does not fetch pages from local or "
                            + "private network addresses (" + host + "); an administrator can allow them with "
                            + ALLOW_SETTING + "=true.");
                }
            }
        }
        return List.of(addresses);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            InetAddress embedded = embeddedIpv4(b);
            return embedded != null && isInternal(embedded);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || first >= 240 // "this network", reserved and broadcast
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)); // benchmarking
    }

    /** The IPv4 address inside IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms. */
    private static InetAddress embeddedIpv4(byte[] b) {
        int from;
        if (allZero(b, 0, 12)) {
            from = 12;
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else {
            return null;
        }
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        try {
            return Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
