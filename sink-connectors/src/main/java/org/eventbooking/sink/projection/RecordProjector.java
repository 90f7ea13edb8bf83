package org.eventbooking.sink.projection;

import java.util.ArrayList;
import java.util.List;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.serde.Json;
import org.eventbooking.serde.MalformedRecordException;
import org.eventbooking.sink.projection.BookingChange.Family;
import org.eventbooking.sink.projection.PaymentChange.PaymentStatus;
import org.eventbooking.topology.Topics;
import org.eventbooking.sink.projection.SeatChange.SeatStatus;

/**
 * Record value (the engine's JSON) → the row changes it implies. Pure: no JDBC, no Kafka, so every
 * event type's mapping is unit tested. Throws {@link UnprojectableRecordException} for bad data.
 */
public final class RecordProjector {

    public List<RowChange> project(byte[] value, SourcePosition source) {
        if (value == null) {
            throw new UnprojectableRecordException("record has no value (a log topic never carries tombstones)");
        }
        LogEvent event;
        try {
            event = Json.read(value, LogEvent.class);
        } catch (MalformedRecordException e) {
            throw new UnprojectableRecordException(e.getMessage(), e);
        }
        if (event == null) {
            throw new UnprojectableRecordException("record value is JSON null");
        }
        return project(event, value, source);
    }

    // Java 17 has no pattern matching for switch; RecordProjectorTest checks every fact type is mapped.
    List<RowChange> project(LogEvent event, byte[] json, SourcePosition source) {
        if (event instanceof UserRegistered e) {
            return List.of(new UserRow(required(e.userId(), "userId"), required(e.email(), "email"), e.name(), e.role(),
                    required(e.occurredAt(), "occurredAt"), source));
        }
        BookingEvent fact = (BookingEvent) event;
        required(fact.eventId(), "eventId");
        required(fact.occurredAt(), "occurredAt");
        if (fact instanceof EventCreated e) {
            return eventCreated(e, source);
        }
        if (isCopy(fact, source) || fact instanceof EventCancelled) {
            // An event's cancellation is not projected yet (no column for it); the releases and
            // cancellations it caused are facts of their own and are.
            return List.of();
        }
        List<RowChange> changes = new ArrayList<>(3);
        changes.add(HistoryRows.of(fact, json, source));
        if (fact instanceof SeatsHeld e) {
            changes.add(lifecycle(e, e.bookingId(), BookingStatus.HELD, e.seats(), source).held(e));
            changes.add(seats(e, e.seats(), SeatStatus.HELD, e.bookingId(), source));
        } else if (fact instanceof HoldReleased e) {
            changes.add(lifecycle(e, e.bookingId(), BookingStatus.RELEASED, e.seats(), source).build());
            changes.add(seats(e, e.seats(), SeatStatus.AVAILABLE, null, source));
        } else if (fact instanceof HoldExpired e) {
            changes.add(lifecycle(e, e.bookingId(), BookingStatus.EXPIRED, e.seats(), source).build());
            changes.add(seats(e, e.seats(), SeatStatus.AVAILABLE, null, source));
        } else if (fact instanceof BookingConfirmed e) {
            changes.add(lifecycle(e, e.bookingId(), BookingStatus.CONFIRMED, e.seats(), source).confirmed(e));
            changes.add(seats(e, e.seats(), SeatStatus.SOLD, e.bookingId(), source));
        } else if (fact instanceof BookingCancelled e) {
            changes.add(lifecycle(e, e.bookingId(), BookingStatus.CANCELLED, e.seats(), source).build());
            changes.add(seats(e, e.seats(), SeatStatus.AVAILABLE, null, source));
        } else {
            changes.addAll(PaymentProjection.project(fact, source));
        }
        return changes;
    }

    /**
     * The engine writes money facts to {@code payment-events} and also, for replays, to
     * {@code booking-events}. The payment log's copy is projected (payment rows follow the payment
     * family's rules above); the booking log's copy would only project each fact twice.
     */
    private static boolean isCopy(BookingEvent fact, SourcePosition source) {
        return source.topic().equals(Topics.BOOKING_EVENTS.name()) && isMoneyFact(fact);
    }

    private static boolean isMoneyFact(BookingEvent fact) {
        return fact instanceof PaymentRequested || fact instanceof PaymentSucceeded || fact instanceof PaymentFailed
                || fact instanceof RefundRequested || fact instanceof RefundSucceeded;
    }

    private static List<RowChange> eventCreated(EventCreated e, SourcePosition source) {
        List<Section> sections = required(e.sections(), "sections");
        int capacity = sections.stream().mapToInt(Section::capacity).sum();
        List<RowChange> changes = new ArrayList<>(sections.size() + 1);
        changes.add(new EventRow(e.eventId(), required(e.organizerId(), "organizerId"), required(e.title(), "title"),
                required(e.venue(), "venue"), required(e.startsAt(), "startsAt"), required(e.currency(), "currency"),
                e.holdTtlSeconds(), e.maxSeatsPerBooking(), capacity, e.occurredAt(), source));
        for (Section section : sections) {
            changes.add(new SectionRow(e.eventId(), required(section.name(), "sections[].name"), section.priceCents(),
                    section.rows(), section.seatsPerRow(), source));
        }
        return changes;
    }

    private static BookingChangeBuilder lifecycle(BookingEvent fact, String bookingId, BookingStatus status,
                                                  List<String> seats, SourcePosition source) {
        return new BookingChangeBuilder(required(bookingId, "bookingId"), fact.eventId(), Family.LIFECYCLE, status,
                fact.occurredAt(), source).seats(required(seats, "seats"));
    }

    private static SeatChange seats(BookingEvent fact, List<String> seatIds, SeatStatus status, String bookingId,
                                    SourcePosition source) {
        return new SeatChange(fact.eventId(), seatIds, status, bookingId, fact.occurredAt(), source);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new UnprojectableRecordException("required field '" + field + "' is missing");
        }
        return value;
    }

    /** Payment facts: a payments row, and for a request or a failure, the booking's status. */
    private static final class PaymentProjection {

        static List<RowChange> project(BookingEvent fact, SourcePosition source) {
            if (fact instanceof PaymentRequested e) {
                return List.of(payment(e.paymentId(), e.bookingId(), e, PaymentStatus.REQUESTED, source)
                                .userId(e.userId()).amount(e.amountCents(), e.currency()).build(),
                        new BookingChangeBuilder(e.bookingId(), e.eventId(), Family.PAYMENT,
                                BookingStatus.PAYMENT_PENDING, e.occurredAt(), source)
                                .userId(e.userId()).paymentId(e.paymentId()).build());
            } else if (fact instanceof PaymentSucceeded e) {
                return List.of(payment(e.paymentId(), e.bookingId(), e, PaymentStatus.SUCCEEDED, source)
                        .amount(e.amountCents(), e.currency()).build());
            } else if (fact instanceof PaymentFailed e) {
                return List.of(payment(e.paymentId(), e.bookingId(), e, PaymentStatus.FAILED, source)
                                .failureReason(e.reason()).build(),
                        new BookingChangeBuilder(e.bookingId(), e.eventId(), Family.PAYMENT, BookingStatus.HELD,
                                e.occurredAt(), source).build());
            } else if (fact instanceof RefundRequested e) {
                return List.of(payment(e.paymentId(), e.bookingId(), e, PaymentStatus.REFUND_REQUESTED, source)
                        .refundReason(e.reason()).build());
            } else if (fact instanceof RefundSucceeded e) {
                return List.of(payment(e.paymentId(), e.bookingId(), e, PaymentStatus.REFUNDED, source)
                        .refunded(e.amountCents()).build());
            }
            throw new UnprojectableRecordException("no projection for " + fact.getClass().getSimpleName());
        }

        private static PaymentChangeBuilder payment(String paymentId, String bookingId, BookingEvent fact,
                                                    PaymentStatus status, SourcePosition source) {
            return new PaymentChangeBuilder(required(paymentId, "paymentId"), required(bookingId, "bookingId"),
                    fact.eventId(), status, fact.occurredAt(), source);
        }
    }
}
