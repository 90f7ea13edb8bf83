package org.eventbooking.domain;

import static org.eventbooking.domain.RejectionReason.BOOKING_EXISTS;
import static org.eventbooking.domain.RejectionReason.DUPLICATE_SEAT;
import static org.eventbooking.domain.RejectionReason.EVENT_EXISTS;
import static org.eventbooking.domain.RejectionReason.EVENT_STARTED;
import static org.eventbooking.domain.RejectionReason.HOLD_EXPIRED;
import static org.eventbooking.domain.RejectionReason.INVALID_BOOKING_STATE;
import static org.eventbooking.domain.RejectionReason.INVALID_COMMAND;
import static org.eventbooking.domain.RejectionReason.INVALID_QUANTITY;
import static org.eventbooking.domain.RejectionReason.NOT_OWNER;
import static org.eventbooking.domain.RejectionReason.SEATS_UNAVAILABLE;
import static org.eventbooking.domain.RejectionReason.TOO_MANY_SEATS;
import static org.eventbooking.domain.RejectionReason.UNKNOWN_BOOKING;
import static org.eventbooking.domain.RejectionReason.UNKNOWN_EVENT;
import static org.eventbooking.domain.RejectionReason.UNKNOWN_SEAT;
import static org.eventbooking.domain.RejectionReason.UNKNOWN_SECTION;
import static org.eventbooking.domain.RejectionReason.AMOUNT_MISMATCH;
import static org.eventbooking.domain.RejectionReason.CANCELLATION_CLOSED;
import static org.eventbooking.domain.RejectionReason.EVENT_CANCELLED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.CancelEvent;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.ExistingBookingCommand;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RecordRefund;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.SeatsHeld;

/**
 * {@code decide(state, command, now) → events | rejection}: the only place booking rules live.
 * Pure: reads the state view, never writes it; bad commands are rejections, never exceptions.
 */
public final class BookingDecider {

    private final int maxSeatsPerEvent;

    public BookingDecider(int maxSeatsPerEvent) {
        this.maxSeatsPerEvent = maxSeatsPerEvent;
    }

    /** A decider with the HTTP contract's limits. */
    public static BookingDecider withContractLimits() {
        return new BookingDecider(EventRules.MAX_SEATS_PER_EVENT);
    }

    // Java 17 has no pattern matching for switch; every permitted command is dispatched here and
    // BookingDeciderTest checks that none is missing.
    public Decision decide(BookingState state, BookingCommand command, Instant now) {
        if (EventRules.isBlank(command.commandId()) || EventRules.isBlank(command.userId()) || EventRules.isBlank(command.eventId())) {
            return Decision.reject(INVALID_COMMAND, "commandId, userId and eventId are required");
        }
        if (command.eventId().indexOf('/') >= 0) {
            return Decision.reject(INVALID_COMMAND, "eventId must not contain '/'");
        }
        if (command instanceof CreateEvent c) {
            return createEvent(state, c, now);
        } else if (command instanceof HoldSeats c) {
            return holdSeats(state, c, now);
        } else if (command instanceof HoldBestAvailable c) {
            return holdBestAvailable(state, c, now);
        } else if (command instanceof ReleaseHold c) {
            return releaseHold(state, c, now);
        } else if (command instanceof ExpireHold c) {
            return expireHold(state, c, now);
        } else if (command instanceof ConfirmBooking c) {
            return confirm(state, c, now);
        } else if (command instanceof CancelBooking c) {
            return cancel(state, c, now);
        } else if (command instanceof CancelEvent c) {
            return cancelEvent(state, c, now);
        } else if (command instanceof RequestPayment c) {
            return withOwnedBooking(state, c, false, booking -> PaymentRules.request(booking, c, now));
        } else if (command instanceof RecordPaymentOutcome c) {
            return EventRules.isBlank(c.paymentId()) || EventRules.isBlank(c.currency())
                    ? Decision.reject(INVALID_COMMAND, "a payment outcome names its payment and currency")
                    : withOwnedBooking(state, c, true, booking -> PaymentRules.outcome(booking, c, now));
        } else if (command instanceof RecordRefund c) {
            return withOwnedBooking(state, c, true, booking -> PaymentRules.refunded(c, now));
        }
        throw new IllegalStateException("no rule for " + command.getClass().getName());
    }

    private Decision createEvent(BookingState state, CreateEvent c, Instant now) {
        if (state.event(c.eventId()).isPresent()) {
            return Decision.reject(EVENT_EXISTS, "event " + c.eventId() + " already exists");
        }
        Optional<String> violation = EventRules.violation(c, now, maxSeatsPerEvent);
        if (violation.isPresent()) {
            return Decision.reject(INVALID_COMMAND, violation.get());
        }
        return Decision.accept(new EventCreated(c.eventId(), c.userId(), c.title(), c.venue(), c.startsAt(), c.currency(),
                Objects.requireNonNullElse(c.holdTtlSeconds(), EventRules.DEFAULT_HOLD_TTL_SECONDS),
                Objects.requireNonNullElse(c.maxSeatsPerBooking(), EventRules.DEFAULT_MAX_SEATS_PER_BOOKING),
                c.sections(), now, c.cancellationCutoffHours()));
    }

    private Decision holdSeats(BookingState state, HoldSeats c, Instant now) {
        return forNewBooking(state, c, c.bookingId(), now, event -> holdSeats(state, c, event, now));
    }

    private Decision holdSeats(BookingState state, HoldSeats c, EventInfo event, Instant now) {
        List<String> requested = c.seats() == null ? List.of() : c.seats();
        if (requested.isEmpty()) {
            return Decision.reject(INVALID_QUANTITY, "a hold needs at least one seat");
        }
        if (requested.stream().anyMatch(Objects::isNull)) {
            return Decision.reject(INVALID_COMMAND, "seat ids must not be null");
        }
        List<String> duplicates = duplicates(requested);
        if (!duplicates.isEmpty()) {
            return Decision.reject(DUPLICATE_SEAT, "seats requested more than once", duplicates);
        }
        if (requested.size() > event.maxSeatsPerBooking()) {
            return Decision.reject(TOO_MANY_SEATS, "at most " + event.maxSeatsPerBooking() + " seats per booking");
        }
        List<SeatId> seats = new ArrayList<>(requested.size());
        List<String> unknown = new ArrayList<>();
        for (String text : requested) {
            Optional<SeatId> seat = SeatId.parse(text).filter(event::contains);
            seat.ifPresentOrElse(seats::add, () -> unknown.add(text));
        }
        if (!unknown.isEmpty()) {
            return Decision.reject(UNKNOWN_SEAT, "no such seats in event " + event.eventId(), unknown);
        }
        // The row bitmaps answer this without a read per seat; they are memoised, the seats are not.
        List<String> taken = seats.stream()
                .filter(seat -> state.rowOccupancy(event.eventId(), seat.section(), seat.row()).isTaken(seat.number()))
                .map(SeatId::toString).toList();
        if (!taken.isEmpty()) {
            return Decision.reject(SEATS_UNAVAILABLE, "seats are held or sold", taken);
        }
        return Decision.accept(seatsHeld(event, c.bookingId(), c.userId(), seats, now));
    }

    private Decision holdBestAvailable(BookingState state, HoldBestAvailable c, Instant now) {
        return forNewBooking(state, c, c.bookingId(), now, event -> holdBestAvailable(state, c, event, now));
    }

    private Decision holdBestAvailable(BookingState state, HoldBestAvailable c, EventInfo event, Instant now) {
        if (c.quantity() <= 0) {
            return Decision.reject(INVALID_QUANTITY, "quantity must be at least 1");
        }
        if (c.quantity() > event.maxSeatsPerBooking()) {
            return Decision.reject(TOO_MANY_SEATS, "at most " + event.maxSeatsPerBooking() + " seats per booking");
        }
        Optional<Section> section = event.section(c.section());
        if (section.isEmpty()) {
            return Decision.reject(UNKNOWN_SECTION, "event " + event.eventId() + " has no section " + c.section());
        }
        int available = state.sectionAvailability(event.eventId(), c.section()).map(SectionAvailability::available).orElse(0);
        if (available < c.quantity()) {
            return Decision.reject(SEATS_UNAVAILABLE, available + " seats left in section " + c.section());
        }
        return BestAvailable.pick(state, event.eventId(), section.get(), c.quantity())
                .<Decision>map(seats -> Decision.accept(seatsHeld(event, c.bookingId(), c.userId(), seats, now)))
                .orElseGet(() -> Decision.reject(SEATS_UNAVAILABLE, "not enough seats left in section " + c.section()));
    }

    /** Finds the event and makes the checks every new hold passes before applying {@code rule}. */
    private static Decision forNewBooking(BookingState state, BookingCommand c, String bookingId, Instant now,
                                          Function<EventInfo, Decision> rule) {
        Optional<EventInfo> event = state.event(c.eventId());
        if (event.isEmpty()) {
            return unknownEvent(c);
        }
        return refuseNewBooking(state, event.get(), bookingId, now).orElseGet(() -> rule.apply(event.get()));
    }

    /** The checks every new hold passes, whatever way it names its seats. */
    private static Optional<Decision> refuseNewBooking(BookingState state, EventInfo event, String bookingId, Instant now) {
        if (!now.isBefore(event.startsAt())) {
            return Optional.of(Decision.reject(EVENT_STARTED, "event " + event.eventId() + " has started"));
        }
        if (event.isCancelled()) {
            return Optional.of(Decision.reject(EVENT_CANCELLED, "event " + event.eventId() + " was cancelled"));
        }
        if (EventRules.isBlank(bookingId) || bookingId.indexOf('/') >= 0) {
            // Store keys are eventId/bookingId: a slash would make two keys alike.
            return Optional.of(Decision.reject(INVALID_COMMAND, "bookingId is required and must not contain '/'"));
        }
        if (state.booking(event.eventId(), bookingId).isPresent()) {
            return Optional.of(Decision.reject(BOOKING_EXISTS, "booking " + bookingId + " already exists"));
        }
        return Optional.empty();
    }

    private static SeatsHeld seatsHeld(EventInfo event, String bookingId, String userId, List<SeatId> seats, Instant now) {
        long total = seats.stream().mapToLong(seat -> event.section(seat.section()).orElseThrow().priceCents()).sum();
        return new SeatsHeld(event.eventId(), bookingId, userId, seats.stream().map(SeatId::toString).toList(), total,
                event.currency(), now.plusSeconds(event.holdTtlSeconds()), now);
    }

    private Decision releaseHold(BookingState state, ReleaseHold c, Instant now) {
        return withOwnedBooking(state, c, c.byAdmin(), booking -> booking.status().isHolding()
                ? Decision.accept(new HoldReleased(c.eventId(), c.bookingId(), c.userId(), booking.seats(), now))
                : notInState(booking, "released"));
    }

    private Decision expireHold(BookingState state, ExpireHold c, Instant now) {
        return withOwnedBooking(state, c, true, booking -> {
            if (!booking.status().isHolding()) {
                return notInState(booking, "expired");
            }
            if (now.isBefore(booking.expiresAt())) {
                return Decision.reject(INVALID_BOOKING_STATE, "hold " + booking.bookingId() + " expires at " + booking.expiresAt());
            }
            return Decision.accept(new HoldExpired(c.eventId(), c.bookingId(), booking.seats(), now));
        });
    }

    private Decision confirm(BookingState state, ConfirmBooking c, Instant now) {
        if (EventRules.isBlank(c.paymentId())) {
            return Decision.reject(INVALID_COMMAND, "a confirmation names the payment that paid for it");
        }
        return withOwnedBooking(state, c, true, booking -> {
            if (!booking.status().isHolding()) {
                return notInState(booking, "confirmed");
            }
            if (!now.isBefore(booking.expiresAt())) {
                return Decision.reject(HOLD_EXPIRED, "hold " + booking.bookingId() + " expired at " + booking.expiresAt());
            }
            if (c.amountCents() != booking.totalCents() || !booking.currency().equals(c.currency())) {
                return Decision.reject(AMOUNT_MISMATCH, "paid " + c.amountCents() + " " + c.currency()
                        + ", owed " + booking.totalCents() + " " + booking.currency());
            }
            return Decision.accept(new BookingConfirmed(c.eventId(), c.bookingId(), c.paymentId(), c.amountCents(), booking.seats(), now));
        });
    }

    private Decision cancel(BookingState state, CancelBooking c, Instant now) {
        Optional<EventInfo> event = state.event(c.eventId());
        if (event.isPresent() && !now.isBefore(event.get().startsAt())) {
            return Decision.reject(EVENT_STARTED, "event " + c.eventId() + " has started; bookings can no longer be cancelled");
        }
        if (event.isPresent() && !c.byAdmin() && !now.isBefore(event.get().startsAt().minus(event.get().cancellationCutoff()))) {
            return Decision.reject(CANCELLATION_CLOSED, "bookings of event " + c.eventId() + " can be cancelled until "
                    + event.get().cancellationCutoff().toHours() + " h before it starts");
        }
        return withOwnedBooking(state, c, c.byAdmin(), booking -> booking.status() == BookingStatus.CONFIRMED
                ? Decision.accept(new BookingCancelled(c.eventId(), c.bookingId(), c.userId(), booking.seats(), booking.totalCents(), now),
                        PaymentRules.cancellationRefund(booking, now))
                : notInState(booking, "cancelled"));
    }

    /**
     * Calls the event off: held bookings are released, confirmed ones cancelled and refunded, then
     * the catalog entry is marked cancelled so nothing more can be held.
     */
    private Decision cancelEvent(BookingState state, CancelEvent c, Instant now) {
        Optional<EventInfo> event = state.event(c.eventId());
        if (event.isEmpty()) {
            return unknownEvent(c);
        }
        if (!c.byAdmin() && !event.get().organizerId().equals(c.userId())) {
            return Decision.reject(NOT_OWNER, "event " + c.eventId() + " belongs to another organiser");
        }
        if (event.get().isCancelled()) {
            return Decision.reject(EVENT_CANCELLED, "event " + c.eventId() + " was already cancelled");
        }
        if (!now.isBefore(event.get().startsAt())) {
            return Decision.reject(EVENT_STARTED, "event " + c.eventId() + " has started");
        }
        List<BookingEvent> events = new ArrayList<>();
        for (Booking booking : state.bookings(c.eventId())) {
            if (booking.status().isHolding()) {
                events.add(new HoldReleased(c.eventId(), booking.bookingId(), c.userId(), booking.seats(), now));
            } else if (booking.status() == BookingStatus.CONFIRMED) {
                events.add(new BookingCancelled(c.eventId(), booking.bookingId(), c.userId(), booking.seats(), booking.totalCents(), now));
                events.add(PaymentRules.cancellationRefund(booking, now));
            }
        }
        events.add(new EventCancelled(c.eventId(), c.userId(), now));
        return new Decision.Accepted(events);
    }

    /** Finds the booking and checks that the requester may act on it before applying {@code rule}. */
    private static Decision withOwnedBooking(BookingState state, ExistingBookingCommand c, boolean anyone, Function<Booking, Decision> rule) {
        String bookingId = c.bookingId();
        Optional<Booking> booking = EventRules.isBlank(bookingId) ? Optional.empty() : state.booking(c.eventId(), bookingId);
        if (booking.isEmpty()) {
            return Decision.reject(UNKNOWN_BOOKING, "no booking " + bookingId + " for event " + c.eventId());
        }
        if (!anyone && !booking.get().userId().equals(c.userId())) {
            return Decision.reject(NOT_OWNER, "booking " + bookingId + " belongs to another user");
        }
        return rule.apply(booking.get());
    }

    private static Decision notInState(Booking booking, String verb) {
        return Decision.reject(INVALID_BOOKING_STATE, "booking " + booking.bookingId() + " is " + booking.status() + " and cannot be " + verb);
    }

    private static Decision unknownEvent(BookingCommand c) {
        return Decision.reject(UNKNOWN_EVENT, "no event " + c.eventId());
    }

    private static List<String> duplicates(List<String> seats) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String seat : seats) {
            if (!seen.add(seat)) {
                repeated.add(seat);
            }
        }
        return List.copyOf(repeated);
    }
}
