package org.eventbooking.gateway.redis;

/**
 * Told when Redis stops answering and when it answers again, once per transition, never per request,
 * so that the node can keep a gauge and write one log line per outage instead of one per request.
 */
public interface RedisOutageListener {

    /** For callers that do not watch Redis health. */
    RedisOutageListener NONE = new RedisOutageListener() {
        @Override
        public void unavailable(String operation, Exception cause) {
        }

        @Override
        public void recovered() {
        }
    };

    /** Redis was up (or not yet used) and {@code operation} just failed; callers now fall back. */
    void unavailable(String operation, Exception cause);

    /** Redis answers again after an {@link #unavailable} report. */
    void recovered();
}
