package org.eventbooking.topology;

import java.time.Duration;
import org.eventbooking.domain.EventRules;

/**
 * The knobs of the booking topology itself (Kafka client settings live in {@link StreamsSettings}).
 *
 * @param maxSeatsPerEvent  the largest venue accepted; the HTTP contract's 100,000 by default
 * @param expiryScanInterval how often due holds are looked for (wall-clock time)
 * @param expiryBatchLimit  at most this many holds are expired per scan, so one scan never stalls processing
 * @param idempotencyWindow how long a command id is remembered with its outcome
 */
public record TopologySettings(int maxSeatsPerEvent, Duration expiryScanInterval, int expiryBatchLimit, Duration idempotencyWindow) {

    public static TopologySettings defaults() {
        return new TopologySettings(EventRules.MAX_SEATS_PER_EVENT, Duration.ofSeconds(1), 5_000, Duration.ofHours(24));
    }

    public TopologySettings withMaxSeatsPerEvent(int seats) {
        return new TopologySettings(seats, expiryScanInterval, expiryBatchLimit, idempotencyWindow);
    }
}
