package org.eventbooking.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

/**
 * {@code evolve(state, event) → delta}: what one event does to the state. Pure; applying the
 * deltas of the log in order from offset 0 gives the live state (rebuild = replay).
 */
public final class BookingEvolver {

    private BookingEvolver() {
    }

    /**
     * The deltas of one decision's events, in order: each event sees the booking as the earlier
     * ones left it (a late payment expires a hold, then refunds it), as a replay of the log would.
     */
    public static List<StateDelta> evolveAll(BookingState state, List<BookingEvent> events) {
        Map<String, Booking> changed = new HashMap<>();
        BookingState seen = new BookingsOverlay(state, changed);
        List<StateDelta> deltas = new ArrayList<>(events.size());
        for (BookingEvent event : events) {
            StateDelta delta = evolve(seen, event);
            delta.bookingUpdate().ifPresent(booking -> changed.put(booking.bookingId(), booking));
            deltas.add(delta);
        }
        return deltas;
    }

    // Java 17 has no pattern matching for switch; BookingEvolverTest checks every event type is handled.
    public static StateDelta evolve(BookingState state, BookingEvent event) {
        if (event instanceof EventCreated e) {
            return new StateDelta(e.eventId(), e.toEventInfo(), Map.of(), null);
        } else if (event instanceof SeatsHeld e) {
            Booking booking = new Booking(e.bookingId(), e.eventId(), e.userId(), BookingStatus.HELD, e.seats(), e.totalCents(),
                    e.currency(), e.occurredAt(), e.expiresAt(), null, e.occurredAt());
            return new StateDelta(e.eventId(), null, seats(e.seats(), seat -> SeatState.held(e.bookingId())), booking);
        } else if (event instanceof HoldReleased e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.RELEASED);
        } else if (event instanceof HoldExpired e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.EXPIRED);
        } else if (event instanceof BookingCancelled e) {
            return freeSeats(state, e, e.bookingId(), e.seats(), BookingStatus.CANCELLED);
        } else if (event instanceof BookingConfirmed e) {
            Booking booking = existing(state, e, e.bookingId()).confirmed(e.paymentId(), e.occurredAt());
            return new StateDelta(e.eventId(), null, seats(e.seats(), seat -> SeatState.sold(e.bookingId())), booking);
        } else if (event instanceof PaymentRequested e) {
            return bookingOnly(e, existing(state, e, e.bookingId()).paying(e.paymentId(), e.occurredAt()));
        } else if (event instanceof PaymentFailed e) {
            return bookingOnly(e, existing(state, e, e.bookingId()).withStatus(BookingStatus.HELD, e.occurredAt()));
        } else if (event instanceof RefundRequested e) {
            return refundRequested(existing(state, e, e.bookingId()), e);
        } else if (event instanceof EventCancelled e) {
            EventInfo cancelled = state.event(e.eventId()).orElseThrow(() -> new IllegalStateException(
                    "EventCancelled for unknown event " + e.eventId() + ": the log is not a valid history")).cancelled(e.occurredAt());
            return new StateDelta(e.eventId(), cancelled, Map.of(), null);
        } else if (event instanceof PaymentSucceeded || event instanceof RefundSucceeded) {
            // Facts about money: what they change is in the events decided with them.
            return new StateDelta(event.eventId(), null, Map.of(), null);
        }
        throw new IllegalStateException("no evolution for " + event.getClass().getName());
    }

    /** A refund of the payment a booking was waiting for ends a late booking as REFUNDED, or re-opens a mis-paid one. */
    private static StateDelta refundRequested(Booking booking, RefundRequested e) {
        if (!e.paymentId().equals(booking.paymentId())) {
            return new StateDelta(e.eventId(), null, Map.of(), null);
        }
        return switch (booking.status()) {
            case EXPIRED, RELEASED -> bookingOnly(e, booking.withStatus(BookingStatus.REFUNDED, e.occurredAt()));
            case PAYMENT_PENDING -> bookingOnly(e, booking.withStatus(BookingStatus.HELD, e.occurredAt()));
            default -> new StateDelta(e.eventId(), null, Map.of(), null);
        };
    }

    private static StateDelta bookingOnly(BookingEvent event, Booking booking) {
        return new StateDelta(event.eventId(), null, Map.of(), booking);
    }

    private static StateDelta freeSeats(BookingState state, BookingEvent event, String bookingId, List<String> seats, BookingStatus status) {
        Booking booking = existing(state, event, bookingId).withStatus(status, event.occurredAt());
        return new StateDelta(event.eventId(), null, seats(seats, seat -> SeatState.AVAILABLE), booking);
    }

    private static Booking existing(BookingState state, BookingEvent event, String bookingId) {
        return state.booking(event.eventId(), bookingId).orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " for unknown booking " + bookingId + " of event " + event.eventId()
                        + " at " + event.occurredAt() + ": the log is not a valid history"));
    }

    private static Map<SeatId, SeatState> seats(List<String> seats, Function<SeatId, SeatState> state) {
        Map<SeatId, SeatState> result = new HashMap<>(seats.size() * 2);
        for (String text : seats) {
            SeatId seat = SeatId.parse(text).orElseThrow(() -> new IllegalStateException("malformed seat id in the log: " + text));
            result.put(seat, state.apply(seat));
        }
        return result;
    }
}
