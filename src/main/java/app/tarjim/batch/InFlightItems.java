package app.tarjim.batch;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The items this JVM is processing right now, with the flag each processor polls to know it should stop.
 * A cancel in this JVM flips the flags at once; cancels from other JVMs are noticed by the heartbeat.
 */
@Component
class InFlightItems {

    private final Map<Long, Handle> items = new ConcurrentHashMap<>();

    Handle register(ClaimedItem item) {
        Handle handle = new Handle(item.itemId(), item.jobId());
        items.put(item.itemId(), handle);
        return handle;
    }

    void remove(Handle handle) {
        items.remove(handle.itemId(), handle);
    }

    List<Handle> all() {
        return List.copyOf(items.values());
    }

    void jobCancelled(UUID jobId) {
        items.values().stream().filter(h -> h.jobId().equals(jobId)).forEach(Handle::markLost);
    }

    void stopAll() {
        items.values().forEach(Handle::markStopping);
    }

    static final class Handle {

        private final long itemId;
        private final UUID jobId;
        private volatile boolean lost;
        private volatile boolean stopping;

        Handle(long itemId, UUID jobId) {
            this.itemId = itemId;
            this.jobId = jobId;
        }

        long itemId() {
            return itemId;
        }

        UUID jobId() {
            return jobId;
        }

        /** The item is no longer ours: its job was cancelled or its lease lapsed and another worker has it. */
        void markLost() {
            lost = true;
        }

        boolean lost() {
            return lost;
        }

        /** This worker is shutting down and will hand the item back. */
        void markStopping() {
            stopping = true;
        }

        boolean stopping() {
            return stopping;
        }

        boolean shouldStop() {
            return lost || stopping;
        }
    }
}
