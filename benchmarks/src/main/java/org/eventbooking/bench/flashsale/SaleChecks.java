package org.eventbooking.bench.flashsale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks at the end of a flash sale, over what the engine says (availability counts, the
 * confirmed bookings) and what the reporting database holds. Pure: the benchmark gathers the
 * figures, this decides whether the sale was sound.
 */
public final class SaleChecks {

    /** The event's counts summed over its sections. */
    public record Counts(long capacity, long available, long held, long sold) {
    }

    /** One check: its name, whether it passed, and what was seen. */
    public record Check(String name, boolean passed, String detail) {
    }

    private SaleChecks() {
    }

    /**
     * @param engineConfirmed confirmed bookings as the API lists them: booking id to its seats
     * @param postgresConfirmed booking ids PostgreSQL's {@code bookings} has as CONFIRMED
     * @param postgresSoldSeats seats PostgreSQL's {@code seats} has as SOLD
     */
    public static List<Check> run(Counts counts, Map<String, List<String>> engineConfirmed, Set<String> postgresConfirmed,
                                  long postgresSoldSeats) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("sold out", counts.sold() == counts.capacity() && counts.held() == 0,
                counts.sold() + " of " + counts.capacity() + " sold, " + counts.held() + " held"));
        checks.add(noSeatSoldTwice("no seat sold twice", engineConfirmed));
        long seatsInBookings = engineConfirmed.values().stream().mapToLong(List::size).sum();
        checks.add(new Check("sold + available = capacity", counts.sold() + counts.available() + counts.held() == counts.capacity()
                && counts.sold() == seatsInBookings,
                counts.sold() + " + " + counts.available() + " (+ " + counts.held() + " held) of " + counts.capacity()
                        + "; confirmed bookings hold " + seatsInBookings + " seats"));
        checks.add(confirmedInPostgres(engineConfirmed.keySet(), postgresConfirmed));
        checks.add(new Check("PostgreSQL sold seats = engine sold", postgresSoldSeats == counts.sold(),
                postgresSoldSeats + " SOLD rows, engine " + counts.sold()));
        return checks;
    }

    /** Every seat in at most one of the {@code confirmed} bookings (booking id to its seats). */
    public static Check noSeatSoldTwice(String name, Map<String, List<String>> confirmed) {
        List<String> twice = seatsSoldTwice(confirmed);
        return new Check(name, twice.isEmpty(),
                twice.isEmpty() ? confirmed.size() + " confirmed bookings, every seat in at most one"
                        : twice.size() + " seats twice, e.g. " + twice.get(0));
    }

    /** PostgreSQL has exactly the engine's confirmed bookings as CONFIRMED. */
    public static Check confirmedInPostgres(Set<String> engineConfirmed, Set<String> postgresConfirmed) {
        Set<String> missing = new HashSet<>(engineConfirmed);
        missing.removeAll(postgresConfirmed);
        Set<String> extra = new HashSet<>(postgresConfirmed);
        extra.removeAll(engineConfirmed);
        return new Check("every confirmed booking in PostgreSQL", missing.isEmpty() && extra.isEmpty(),
                engineConfirmed.size() + " confirmed; missing in PostgreSQL " + missing.size() + ", only in PostgreSQL " + extra.size());
    }

    public static boolean allPassed(List<Check> checks) {
        return checks.stream().allMatch(Check::passed);
    }

    private static List<String> seatsSoldTwice(Map<String, List<String>> confirmed) {
        Map<String, String> bookingBySeat = new HashMap<>();
        List<String> twice = new ArrayList<>();
        confirmed.forEach((booking, seats) -> seats.forEach(seat -> {
            String earlier = bookingBySeat.putIfAbsent(seat, booking);
            if (earlier != null) {
                twice.add(seat + " in " + earlier + " and " + booking);
            }
        }));
        return twice;
    }
}
