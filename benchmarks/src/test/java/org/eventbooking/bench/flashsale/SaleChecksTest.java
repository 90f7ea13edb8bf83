package org.eventbooking.bench.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SaleChecksTest {

    private static final Map<String, List<String>> CONFIRMED = Map.of(
            "b1", List.of("A-1-1", "A-1-2"),
            "b2", List.of("A-1-3", "A-1-4"));

    private static boolean passed(List<SaleChecks.Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().passed();
    }

    @Test
    void a_sound_sold_out_sale_passes_every_check() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(4, 0, 0, 4), CONFIRMED, Set.of("b1", "b2"), 4);

        assertThat(SaleChecks.allPassed(checks)).as(checks.toString()).isTrue();
    }

    @Test
    void a_seat_in_two_confirmed_bookings_fails() {
        Map<String, List<String>> oversold = Map.of("b1", List.of("A-1-1", "A-1-2"), "b2", List.of("A-1-2", "A-1-3"));

        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(4, 0, 0, 4), oversold, Set.of("b1", "b2"), 4);

        assertThat(passed(checks, "no seat sold twice")).isFalse();
        assertThat(SaleChecks.allPassed(checks)).isFalse();
    }

    @Test
    void seats_still_held_mean_not_sold_out() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(6, 0, 2, 4), CONFIRMED, Set.of("b1", "b2"), 4);

        assertThat(passed(checks, "sold out")).isFalse();
        assertThat(passed(checks, "sold + available = capacity")).isTrue();
    }

    @Test
    void counts_that_do_not_add_up_to_the_capacity_fail() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(5, 0, 0, 4), CONFIRMED, Set.of("b1", "b2"), 4);

        assertThat(passed(checks, "sold + available = capacity")).isFalse();
    }

    @Test
    void sold_seats_without_a_confirmed_booking_fail() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(6, 0, 0, 6), CONFIRMED, Set.of("b1", "b2"), 6);

        assertThat(passed(checks, "sold + available = capacity")).isFalse();
    }

    @Test
    void a_confirmed_booking_missing_in_postgres_fails() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(4, 0, 0, 4), CONFIRMED, Set.of("b1"), 2);

        assertThat(passed(checks, "every confirmed booking in PostgreSQL")).isFalse();
        assertThat(passed(checks, "PostgreSQL sold seats = engine sold")).isFalse();
    }

    @Test
    void a_booking_confirmed_only_in_postgres_fails() {
        List<SaleChecks.Check> checks = SaleChecks.run(new SaleChecks.Counts(4, 0, 0, 4), CONFIRMED, Set.of("b1", "b2", "b3"), 4);

        assertThat(passed(checks, "every confirmed booking in PostgreSQL")).isFalse();
    }
}
