package org.eventbooking.bench;

import java.time.Duration;

/**
 * The size of a chaos run and the timing of its faults. Each round kills a node (the two nodes take
 * turns), then a broker, restarts PostgreSQL, and stops Redis for a while, with a gap of load between.
 *
 * @param pause          how long a customer waits between purchases: keeps the sale going for the whole run
 * @param warmUp         load before the first fault
 * @param failoverTarget the longest acceptable time from a node's crash until holds succeed again
 */
record ChaosPlan(String name, int events, int sectionsPerEvent, int rows, int seatsPerRow, int customers, Duration pause,
                 int abandonPercent, int holdTtlSeconds, Duration warmUp, Duration brokerDown, Duration redisDown,
                 Duration gap, int rounds, Duration failoverTarget) {

    /** Issue 9's target; ./booking chaos --failover-target overrides it. */
    private static final Duration FAILOVER_TARGET = Duration.ofSeconds(10);

    /** A few thousand seats, each fault once, short holds: within 5 minutes, part of the test suite. */
    static ChaosPlan quick() {
        return new ChaosPlan("short", 4, 2, 10, 25, 40, Duration.ofSeconds(3), 20, 8, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(3), 1, FAILOVER_TARGET);
    }

    /** A bigger sale and three rounds of faults, each node killed at least once. */
    static ChaosPlan full() {
        return new ChaosPlan("long", 6, 2, 25, 40, 150, Duration.ofSeconds(3), 20, 20, Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(15), 3, FAILOVER_TARGET);
    }

    ChaosPlan withFailoverTarget(Duration target) {
        return new ChaosPlan(name, events, sectionsPerEvent, rows, seatsPerRow, customers, pause, abandonPercent, holdTtlSeconds,
                warmUp, brokerDown, redisDown, gap, rounds, target);
    }

    int seats() {
        return events * sectionsPerEvent * rows * seatsPerRow;
    }
}
