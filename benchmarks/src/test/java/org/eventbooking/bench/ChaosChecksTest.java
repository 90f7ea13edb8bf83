package org.eventbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventbooking.bench.flashsale.SaleChecks.Check;
import org.junit.jupiter.api.Test;

class ChaosChecksTest {

    private static final Map<String, List<String>> HELD = Map.of("b1", List.of("S1-1-1"), "b2", List.of("S1-1-2"), "b3", List.of("S1-1-3"));
    private static final Map<String, ChaosChecks.Booking> SETTLED = Map.of(
            "b1", booking("CONFIRMED", "S1-1-1"), "b2", booking("EXPIRED", "S1-1-2"), "b3", booking("REFUNDED", "S1-1-3"));

    @Test
    void a_settled_run_passes_every_check() {
        List<Check> checks = ChaosChecks.run(gathered(HELD, SETTLED, Set.of("b1"), Set.of("b1"), List.of(), 8_000));

        assertThat(checks).extracting(Check::name).containsExactly("no seat in two bookings", "every hold answered 201 accounted for",
                "no confirmed booking lost", "PostgreSQL projections equal the log", "state rebuilt from the log equals the live stores",
                "failover within 10 s");
        assertThat(checks).allMatch(Check::passed);
    }

    @Test
    void the_same_seat_label_in_two_events_is_two_seats() {
        Map<String, ChaosChecks.Booking> twoEvents = Map.of("b1", booking("CONFIRMED", "S1-1-1"),
                "b2", new ChaosChecks.Booking("e2", "CONFIRMED", List.of("S1-1-1")));

        Check seats = check(ChaosChecks.run(gathered(Map.of(), twoEvents, Set.of(), Set.of("b1", "b2"), List.of(), 1)), 0);

        assertThat(seats.passed()).as(seats.detail()).isTrue();
    }

    @Test
    void a_hold_still_held_or_missing_at_the_end_has_vanished() {
        Map<String, ChaosChecks.Booking> stuck = Map.of("b1", booking("CONFIRMED", "S1-1-1"), "b2", booking("HELD", "S1-1-2"));

        Check accounted = check(ChaosChecks.run(gathered(HELD, stuck, Set.of(), Set.of("b1"), List.of(), 1)), 1);

        assertThat(accounted.passed()).isFalse();
        assertThat(accounted.detail()).contains("vanished 2").contains("HELD=1").contains("MISSING=1");
    }

    @Test
    void a_seat_in_two_confirmed_bookings_a_lost_confirmation_and_drift_fail() {
        Map<String, ChaosChecks.Booking> broken = Map.of("b1", booking("CONFIRMED", "S1-1-1"), "b2", booking("CONFIRMED", "S1-1-1"),
                "b3", booking("EXPIRED", "S1-1-3"));

        List<Check> checks = ChaosChecks.run(gathered(HELD, broken, Set.of("b1", "b3"), Set.of("b1"), List.of("seats"), 1));

        assertThat(checks.get(0).passed()).as("seat twice").isFalse();
        assertThat(checks.get(2).passed()).as("confirmed b3 lost").isFalse();
        assertThat(checks.get(2).detail()).contains("e.g. b3");
        assertThat(checks.get(3).passed()).as("b2 missing in PostgreSQL, table drift").isFalse();
    }

    @Test
    void a_failover_beyond_the_target_or_never_fails() {
        assertThat(check(ChaosChecks.run(gathered(HELD, SETTLED, Set.of(), Set.of("b1"), List.of(), 10_001)), 5).passed()).isFalse();
        assertThat(check(ChaosChecks.run(gathered(HELD, SETTLED, Set.of(), Set.of("b1"), List.of(), -1)), 5).detail())
                .contains("never");
    }

    private static ChaosChecks.Gathered gathered(Map<String, List<String>> held, Map<String, ChaosChecks.Booking> bookings,
                                                 Set<String> confirmedBefore, Set<String> postgres, List<String> stateDrift,
                                                 long failoverMs) {
        List<String> projectionDrift = stateDrift.isEmpty() ? List.of() : List.of("bookings");
        return new ChaosChecks.Gathered(held, bookings, confirmedBefore, postgres, projectionDrift, stateDrift, failoverMs, 10_000);
    }

    private static Check check(List<Check> checks, int index) {
        return checks.get(index);
    }

    private static ChaosChecks.Booking booking(String status, String seat) {
        return new ChaosChecks.Booking("e1", status, List.of(seat));
    }
}
