package org.eventbooking.sink.projection;

/** Where in the log a fact was read: the position a projected row remembers it was last updated from. */
public record SourcePosition(String topic, int partition, long offset) {

    public SourcePosition {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic is required");
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
