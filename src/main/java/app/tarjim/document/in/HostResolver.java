package app.tarjim.document.in;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up. Injectable so tests can stand in for a DNS server that changes its answer. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
