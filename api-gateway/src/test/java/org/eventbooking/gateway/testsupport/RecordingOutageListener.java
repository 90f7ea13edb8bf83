package org.eventbooking.gateway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventbooking.gateway.redis.RedisOutageListener;

/** Remembers outage reports in order, as "unavailable:OPERATION" and "recovered". */
public final class RecordingOutageListener implements RedisOutageListener {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void unavailable(String operation, Exception cause) {
        events.add("unavailable:" + operation);
    }

    @Override
    public void recovered() {
        events.add("recovered");
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public long unavailableCount() {
        return events.stream().filter(event -> event.startsWith("unavailable:")).count();
    }
}
