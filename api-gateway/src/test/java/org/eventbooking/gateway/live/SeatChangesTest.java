package org.eventbooking.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.SeatStatus;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.SeatsHeld;
import org.junit.jupiter.api.Test;

class SeatChangesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final List<String> SEATS = List.of("FLOOR-1-1", "FLOOR-1-2");

    @Test
    void a_hold_takes_its_seats_and_a_confirmation_sells_them() {
        assertThat(SeatChanges.of(new SeatsHeld("e", "b", "u", SEATS, 9000, "EUR", NOW.plusSeconds(600), NOW)))
                .isEqualTo(Map.of("FLOOR-1-1", SeatStatus.HELD, "FLOOR-1-2", SeatStatus.HELD));
        assertThat(SeatChanges.of(new BookingConfirmed("e", "b", "p", 9000, SEATS, NOW)))
                .isEqualTo(Map.of("FLOOR-1-1", SeatStatus.SOLD, "FLOOR-1-2", SeatStatus.SOLD));
    }

    @Test
    void a_release_an_expiry_and_a_cancellation_free_their_seats() {
        Map<String, SeatStatus> free = Map.of("FLOOR-1-1", SeatStatus.AVAILABLE, "FLOOR-1-2", SeatStatus.AVAILABLE);
        assertThat(SeatChanges.of(new HoldReleased("e", "b", "u", SEATS, NOW))).isEqualTo(free);
        assertThat(SeatChanges.of(new HoldExpired("e", "b", SEATS, NOW))).isEqualTo(free);
        assertThat(SeatChanges.of(new BookingCancelled("e", "b", "u", SEATS, 9000, NOW))).isEqualTo(free);
    }

    @Test
    void paying_changes_no_seat() {
        // The live feed once stopped at the first payment of any event: every map froze from then on.
        assertThat(SeatChanges.of(new PaymentRequested("e", "b", "p", "u", 9000, "EUR", NOW))).isEmpty();
        assertThat(SeatChanges.of(new PaymentFailed("e", "b", "p", "declined", NOW))).isEmpty();
    }

    @Test
    void every_booking_fact_is_handled_the_ones_with_seats_by_what_they_do_to_them() {
        List<Class<?>> facts = Arrays.asList(BookingEvent.class.getPermittedSubclasses());
        List<Class<?>> withSeats = facts.stream()
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals("seats"))).toList();

        // A new fact that carries seats must say in SeatChanges.of what it does to them.
        assertThat(withSeats).containsExactlyInAnyOrder(SeatsHeld.class, BookingConfirmed.class, HoldReleased.class,
                HoldExpired.class, BookingCancelled.class);
        assertThat(facts.stream().filter(type -> !withSeats.contains(type))).allMatch(SeatChanges.NONE::contains);
    }
}
