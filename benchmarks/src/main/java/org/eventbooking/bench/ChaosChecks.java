package org.eventbooking.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eventbooking.bench.flashsale.SaleChecks;
import org.eventbooking.bench.flashsale.SaleChecks.Check;

/**
 * The verdict of a chaos run, from what it gathered once the platform converged. Pure: the run
 * gathers, this decides.
 */
final class ChaosChecks {

    /** Where a hold may end once nothing is in flight; anything else (or no booking at all) vanished. */
    private static final Set<String> ACCOUNTED = Set.of("CONFIRMED", "RELEASED", "EXPIRED", "REFUNDED");

    /** A booking as the engine lists it at the end. */
    record Booking(String eventId, String status, List<String> seats) {
    }

    /**
     * @param heldWith201          every hold answered 201: booking id to its seats
     * @param finalBookings        every booking of the run's customers, by id, once converged
     * @param confirmedBeforeFaults bookings the engine listed as CONFIRMED just before a fault
     * @param postgresConfirmed    booking ids the reporting database has as CONFIRMED (live, before any rebuild)
     * @param projectionDrift      tables that differed from their rebuild from the log, or the rebuild's failure
     * @param stateDrift           stores that differed from the log's fold, or the check's failure
     * @param failoverMs           node kill until holds for every event succeeded again; -1 when they never did
     */
    record Gathered(Map<String, List<String>> heldWith201, Map<String, Booking> finalBookings, Set<String> confirmedBeforeFaults,
                    Set<String> postgresConfirmed, List<String> projectionDrift, List<String> stateDrift, long failoverMs,
                    long failoverTargetMs) {
    }

    private ChaosChecks() {
    }

    static List<Check> run(Gathered gathered) {
        Map<String, List<String>> confirmed = confirmed(gathered.finalBookings());
        List<Check> checks = new ArrayList<>();
        checks.add(SaleChecks.noSeatSoldTwice("no seat in two bookings", seatsOfEachEvent(gathered.finalBookings())));
        checks.add(everyHoldAccountedFor(gathered.heldWith201(), gathered.finalBookings()));
        checks.add(noConfirmedBookingLost(gathered.confirmedBeforeFaults(), confirmed));
        checks.add(projectionsEqualTheLog(confirmed, gathered.postgresConfirmed(), gathered.projectionDrift()));
        checks.add(new Check("state rebuilt from the log equals the live stores", gathered.stateDrift().isEmpty(),
                gathered.stateDrift().isEmpty() ? "every store equals the fold of the log" : "differ: " + gathered.stateDrift()));
        long failover = gathered.failoverMs();
        checks.add(new Check("failover within " + gathered.failoverTargetMs() / 1000 + " s",
                failover >= 0 && failover <= gathered.failoverTargetMs(),
                failover < 0 ? "holds never succeeded again after the node kill" : "holds succeeded again " + failover + " ms after the node kill"));
        return checks;
    }

    static Map<String, List<String>> confirmed(Map<String, Booking> bookings) {
        Map<String, List<String>> confirmed = new HashMap<>();
        bookings.forEach((id, booking) -> {
            if (booking.status().equals("CONFIRMED")) {
                confirmed.put(id, booking.seats());
            }
        });
        return confirmed;
    }

    /** Confirmed bookings with their seats named by event: the events share seat labels (S1-1-1 exists in each). */
    private static Map<String, List<String>> seatsOfEachEvent(Map<String, Booking> bookings) {
        Map<String, List<String>> seats = new HashMap<>();
        confirmed(bookings).forEach((id, labels) -> seats.put(id,
                labels.stream().map(label -> bookings.get(id).eventId() + "/" + label).toList()));
        return seats;
    }

    private static Check everyHoldAccountedFor(Map<String, List<String>> held, Map<String, Booking> bookings) {
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> vanished = new ArrayList<>();
        held.keySet().forEach(id -> {
            Booking booking = bookings.get(id);
            String status = booking == null ? "MISSING" : booking.status();
            byStatus.merge(status, 1, Integer::sum);
            if (!ACCOUNTED.contains(status)) {
                vanished.add(id + " " + status);
            }
        });
        return new Check("every hold answered 201 accounted for", vanished.isEmpty(), held.size() + " holds: " + byStatus
                + (vanished.isEmpty() ? "" : "; vanished " + vanished.size() + ", e.g. " + vanished.get(0)));
    }

    private static Check noConfirmedBookingLost(Set<String> confirmedBefore, Map<String, List<String>> confirmedAtEnd) {
        List<String> lost = confirmedBefore.stream().filter(id -> !confirmedAtEnd.containsKey(id)).sorted().toList();
        return new Check("no confirmed booking lost", lost.isEmpty(), confirmedBefore.size() + " confirmed before the faults, "
                + confirmedAtEnd.size() + " at the end" + (lost.isEmpty() ? "" : "; lost " + lost.size() + ", e.g. " + lost.get(0)));
    }

    private static Check projectionsEqualTheLog(Map<String, List<String>> confirmed, Set<String> postgresConfirmed,
                                                List<String> drift) {
        Check bookings = SaleChecks.confirmedInPostgres(confirmed.keySet(), postgresConfirmed);
        return new Check("PostgreSQL projections equal the log", bookings.passed() && drift.isEmpty(),
                bookings.detail() + "; " + (drift.isEmpty() ? "every table equals its rebuild from the log" : "differ: " + drift));
    }
}
