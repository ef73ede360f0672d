package app.tarjim.batch;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This JVM's name in {@code batch_item.claimed_by}: configured, or host, process id and a random suffix. */
@Component
class WorkerIdentity {

    private final String id;

    WorkerIdentity(BatchProperties properties) {
        String configured = properties.worker().id();
        this.id = configured == null || configured.isBlank() ? generated() : configured.strip();
    }

    String id() {
        return id;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return Texts.shorten(host, 120) + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
