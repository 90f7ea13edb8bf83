package org.eventbooking.bench.baseline;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a hold may take its seats, from the seats' rows as locked by {@code SELECT … FOR UPDATE}:
 * every requested seat must exist, be asked for once, and be available. Pure, so the rule is tested
 * without a database.
 */
public enum HoldDecision {
    HELD, SEAT_TAKEN, UNKNOWN_SEAT, DUPLICATE_SEAT;

    public static final String AVAILABLE = "AVAILABLE";
    public static final String HELD_STATUS = "HELD";

    /** @param statusBySeat the locked rows: seat id to status; a seat without a row does not exist */
    public static HoldDecision decide(List<String> requested, Map<String, String> statusBySeat) {
        Set<String> distinct = new HashSet<>(requested);
        if (distinct.size() != requested.size()) {
            return DUPLICATE_SEAT;
        }
        if (!statusBySeat.keySet().containsAll(distinct)) {
            return UNKNOWN_SEAT;
        }
        return requested.stream().allMatch(seat -> AVAILABLE.equals(statusBySeat.get(seat))) ? HELD : SEAT_TAKEN;
    }

    /**
     * Seats in the order their rows are locked. Every transaction locks in this one order, so two
     * holds that share seats wait for each other instead of deadlocking.
     */
    public static List<String> lockOrder(List<String> seats) {
        return seats.stream().sorted().toList();
    }
}
