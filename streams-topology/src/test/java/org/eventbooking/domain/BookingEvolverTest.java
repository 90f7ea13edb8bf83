package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventbooking.domain.DomainFixtures.ALICE;
import static org.eventbooking.domain.DomainFixtures.BALCONY;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.FLOOR;
import static org.eventbooking.domain.DomainFixtures.NOW;
import static org.eventbooking.domain.DomainFixtures.ORGANIZER;
import static org.eventbooking.domain.DomainFixtures.PAYMENT_ID;
import static org.eventbooking.domain.DomainFixtures.STARTS_AT;
import static org.eventbooking.domain.DomainFixtures.engineWithEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;
import org.junit.jupiter.api.Test;

/** {@code evolve(state, event)}: the delta each event writes, computed without touching the state. */
class BookingEvolverTest {

    private static final List<String> SEATS = List.of("FLOOR-1-1", "BALCONY-2-3");
    private static final SeatId FLOOR_1_1 = new SeatId("FLOOR", 1, 1);
    private static final SeatId BALCONY_2_3 = new SeatId("BALCONY", 2, 3);
    private static final Instant EXPIRES_AT = NOW.plusSeconds(600);
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final SeatsHeld HELD = new SeatsHeld(EVENT_ID, "b-1", ALICE, SEATS, 7_500, "EUR", EXPIRES_AT, NOW);
    private static final Booking HELD_BOOKING = new Booking("b-1", EVENT_ID, ALICE, BookingStatus.HELD, SEATS, 7_500, "EUR",
            NOW, EXPIRES_AT, null, NOW);

    private final Engine engine = engineWithEvent();

    private StateDelta evolve(BookingEvent event) {
        var before = engine.checksum();
        StateDelta delta = BookingEvolver.evolve(engine.tables(), event);
        assertThat(engine.checksum()).as("evolve must not write the state").isEqualTo(before);
        return delta;
    }

    @Test
    void event_created_writes_the_catalog_entry_only() {
        EventCreated created = new EventCreated("ev-2", ORGANIZER, "Opera", "Hall", STARTS_AT, "EUR", 300, 4, List.of(FLOOR), NOW, 48);

        StateDelta delta = evolve(created);

        assertThat(delta).isEqualTo(new StateDelta("ev-2", new EventInfo("ev-2", ORGANIZER, "Opera", "Hall", STARTS_AT, "EUR", 300, 4,
                List.of(FLOOR), NOW, 48, null), Map.of(), null));
    }

    @Test
    void seats_held_marks_each_seat_held_by_a_new_held_booking() {
        StateDelta delta = evolve(HELD);

        assertThat(delta).isEqualTo(new StateDelta(EVENT_ID, null,
                Map.of(FLOOR_1_1, SeatState.held("b-1"), BALCONY_2_3, SeatState.held("b-1")), HELD_BOOKING));
    }

    @Test
    void hold_released_frees_the_seats_and_marks_the_booking_released() {
        engine.apply(List.of(HELD));

        StateDelta delta = evolve(new HoldReleased(EVENT_ID, "b-1", ALICE, SEATS, LATER));

        assertFreed(delta, BookingStatus.RELEASED);
    }

    @Test
    void hold_expired_frees_the_seats_and_marks_the_booking_expired() {
        engine.apply(List.of(HELD));

        StateDelta delta = evolve(new HoldExpired(EVENT_ID, "b-1", SEATS, LATER));

        assertFreed(delta, BookingStatus.EXPIRED);
    }

    @Test
    void booking_confirmed_sells_the_seats_and_records_the_payment() {
        engine.apply(List.of(HELD));

        StateDelta delta = evolve(new BookingConfirmed(EVENT_ID, "b-1", PAYMENT_ID, 7_500, SEATS, LATER));

        assertThat(delta.seats()).containsOnly(Map.entry(FLOOR_1_1, SeatState.sold("b-1")), Map.entry(BALCONY_2_3, SeatState.sold("b-1")));
        assertThat(delta.booking()).isEqualTo(new Booking("b-1", EVENT_ID, ALICE, BookingStatus.CONFIRMED, SEATS, 7_500, "EUR",
                NOW, EXPIRES_AT, PAYMENT_ID, LATER));
        assertThat(delta.eventUpdate()).isEmpty();
    }

    @Test
    void booking_cancelled_frees_the_seats_and_marks_the_booking_cancelled() {
        engine.apply(List.of(HELD, new BookingConfirmed(EVENT_ID, "b-1", PAYMENT_ID, 7_500, SEATS, NOW)));

        StateDelta delta = evolve(new BookingCancelled(EVENT_ID, "b-1", ALICE, SEATS, 7_500, LATER));

        assertThat(delta.seats()).containsOnly(Map.entry(FLOOR_1_1, SeatState.AVAILABLE), Map.entry(BALCONY_2_3, SeatState.AVAILABLE));
        assertThat(delta.booking().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(delta.booking().paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(delta.booking().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void refuses_an_event_for_a_booking_the_log_never_created() {
        assertThatThrownBy(() -> BookingEvolver.evolve(engine.tables(), new HoldReleased(EVENT_ID, "b-404", ALICE, SEATS, NOW)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("b-404")
                .hasMessageContaining("not a valid history");
    }

    @Test
    void evolves_every_permitted_event_type() {
        List<Class<?>> types = SealedInstances.leaves(BookingEvent.class);
        assertThat(types).containsExactlyInAnyOrder(EventCreated.class, SeatsHeld.class, HoldReleased.class, HoldExpired.class,
                BookingConfirmed.class, BookingCancelled.class, PaymentRequested.class, PaymentSucceeded.class, PaymentFailed.class,
                RefundRequested.class, RefundSucceeded.class, EventCancelled.class);
        engine.apply(List.of(HELD));
        Map<String, Object> values = Map.of("eventId", EVENT_ID, "bookingId", "b-1", "seats", SEATS,
                "sections", List.of(FLOOR, BALCONY), "currency", "EUR");

        for (Class<?> type : types) {
            BookingEvent event = (BookingEvent) SealedInstances.build(type, values);
            assertThat(evolve(event).eventId()).as(type.getSimpleName()).isEqualTo(EVENT_ID);
        }
    }

    private static void assertFreed(StateDelta delta, BookingStatus status) {
        assertThat(delta.seats()).containsOnly(Map.entry(FLOOR_1_1, SeatState.AVAILABLE), Map.entry(BALCONY_2_3, SeatState.AVAILABLE));
        assertThat(delta.booking()).isEqualTo(HELD_BOOKING.withStatus(status, LATER));
        assertThat(delta.booking().updatedAt()).isEqualTo(LATER);
        assertThat(delta.booking().createdAt()).isEqualTo(NOW);
        assertThat(delta.eventUpdate()).isEmpty();
    }
}
