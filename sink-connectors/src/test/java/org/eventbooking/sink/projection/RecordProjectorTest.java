package org.eventbooking.sink.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventbooking.sink.testsupport.Facts.at;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.event.EventCancelled;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.serde.Json;
import org.eventbooking.sink.projection.BookingChange.Family;
import org.eventbooking.sink.projection.PaymentChange.PaymentStatus;
import org.eventbooking.sink.projection.SeatChange.SeatStatus;
import org.eventbooking.sink.testsupport.Facts;
import org.junit.jupiter.api.Test;

class RecordProjectorTest {

    private static final SourcePosition AT = new SourcePosition("booking-events", 2, 41);
    private static final SourcePosition PAID_AT = new SourcePosition("payment-events", 2, 17);
    private final RecordProjector projector = new RecordProjector();

    private List<RowChange> project(LogEvent fact) {
        return projector.project(Json.write(fact), AT);
    }

    /** Money facts are projected from the payment log. */
    private List<RowChange> projectPayment(LogEvent fact) {
        return projector.project(Json.write(fact), PAID_AT);
    }

    @Test
    void the_booking_logs_copy_of_a_money_fact_projects_nothing() {
        assertThat(project(Facts.paymentSucceeded("e1", "b1", 7))).isEmpty();
        assertThat(project(Facts.refundRequested("e1", "b1", 8))).isEmpty();
    }

    private static <T> T only(List<RowChange> changes, Class<T> type) {
        List<T> matching = changes.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @Test
    void every_fact_type_of_the_log_has_a_projection() {
        List<LogEvent> samples = List.of(Facts.eventCreated("e1"), Facts.held("e1", "b1", 1, "FLOOR-1-1"),
                Facts.released("e1", "b1", 2, "FLOOR-1-1"), Facts.expired("e1", "b1", 2, "FLOOR-1-1"),
                Facts.confirmed("e1", "b1", 3, "FLOOR-1-1"), Facts.cancelled("e1", "b1", 4, "FLOOR-1-1"),
                Facts.paymentRequested("e1", "b1", 2), Facts.paymentSucceeded("e1", "b1", 3),
                Facts.paymentFailed("e1", "b1", 3), Facts.refundRequested("e1", "b1", 5),
                Facts.refundSucceeded("e1", "b1", 6), Facts.userRegistered("u1"),
                new EventCancelled("e1", "org-1", Facts.at(7)));
        Set<Class<?>> sampled = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(leafTypes(LogEvent.class));
        for (LogEvent fact : samples) {
            String name = fact.getClass().getSimpleName();
            if (fact instanceof EventCancelled) {
                assertThat(project(fact)).as("%s: not projected yet, its releases and cancellations are", name).isEmpty();
            } else {
                assertThat(name.startsWith("Payment") || name.startsWith("Refund") ? projectPayment(fact) : project(fact))
                        .as(name).isNotEmpty();
            }
        }
    }

    @Test
    void event_created_gives_the_event_and_its_sections() {
        List<RowChange> changes = project(Facts.eventCreated("e1"));
        EventRow event = only(changes, EventRow.class);
        assertThat(event.capacity()).isEqualTo(10 * 20 + 5 * 10);
        assertThat(event.title()).isEqualTo("Concert e1");
        assertThat(event.source()).isEqualTo(AT);
        assertThat(changes).filteredOn(SectionRow.class::isInstance).map(c -> ((SectionRow) c).section())
                .containsExactly("FLOOR", "BALCONY");
    }

    @Test
    void seats_held_creates_the_booking_holds_the_seats_and_records_history() {
        List<RowChange> changes = project(Facts.held("e1", "b1", 5, "FLOOR-1-1", "FLOOR-1-2"));
        BookingChange booking = only(changes, BookingChange.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.HELD);
        assertThat(booking.family()).isEqualTo(Family.LIFECYCLE);
        assertThat(Family.LIFECYCLE.allowedFrom(BookingStatus.HELD)).as("lifecycle facts always apply").isEmpty();
        assertThat(booking.userId()).isEqualTo("user-1");
        assertThat(booking.totalCents()).isEqualTo(10000);
        assertThat(booking.createdAt()).isEqualTo(at(5));
        assertThat(booking.expiresAt()).isEqualTo(at(605));
        SeatChange seats = only(changes, SeatChange.class);
        assertThat(seats.status()).isEqualTo(SeatStatus.HELD);
        assertThat(seats.bookingId()).isEqualTo("b1");
        assertThat(seats.seatIds()).containsExactly("FLOOR-1-1", "FLOOR-1-2");
        HistoryRow history = only(changes, HistoryRow.class);
        assertThat(history.type()).isEqualTo("SeatsHeld");
        assertThat(new String(history.detailUtf8(), StandardCharsets.UTF_8)).contains("\"type\":\"SeatsHeld\"");
    }

    @Test
    void release_expiry_and_cancellation_free_the_seats() {
        assertFreed(project(Facts.released("e1", "b1", 5, "FLOOR-1-1")), BookingStatus.RELEASED);
        assertFreed(project(Facts.expired("e1", "b1", 5, "FLOOR-1-1")), BookingStatus.EXPIRED);
        assertFreed(project(Facts.cancelled("e1", "b1", 5, "FLOOR-1-1")), BookingStatus.CANCELLED);
    }

    private static void assertFreed(List<RowChange> changes, BookingStatus status) {
        BookingChange booking = only(changes, BookingChange.class);
        assertThat(booking.status()).isEqualTo(status);
        assertThat(booking.userId()).as("unknown to this fact: left alone").isNull();
        assertThat(booking.totalCents()).isNull();
        SeatChange seats = only(changes, SeatChange.class);
        assertThat(seats.status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(seats.bookingId()).isNull();
        assertThat(only(changes, HistoryRow.class).seats()).containsExactly("FLOOR-1-1");
    }

    @Test
    void confirmation_sells_the_seats_and_records_the_payment() {
        List<RowChange> changes = project(Facts.confirmed("e1", "b1", 9, "FLOOR-1-1"));
        BookingChange booking = only(changes, BookingChange.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.paymentId()).isEqualTo("pay-b1");
        assertThat(booking.paidCents()).isEqualTo(5000);
        assertThat(booking.confirmedAt()).isEqualTo(at(9));
        SeatChange seats = only(changes, SeatChange.class);
        assertThat(seats.status()).isEqualTo(SeatStatus.SOLD);
        assertThat(seats.bookingId()).isEqualTo("b1");
    }

    @Test
    void payment_request_makes_a_held_booking_pending() {
        List<RowChange> changes = projectPayment(Facts.paymentRequested("e1", "b1", 7));
        PaymentChange payment = only(changes, PaymentChange.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(payment.amountCents()).isEqualTo(10000);
        assertThat(payment.userId()).isEqualTo("user-1");
        BookingChange booking = only(changes, BookingChange.class);
        assertThat(booking.family()).isEqualTo(Family.PAYMENT);
        assertThat(booking.status()).isEqualTo(BookingStatus.PAYMENT_PENDING);
        assertThat(booking.family().allowedFrom(booking.status())).containsExactly(BookingStatus.HELD);
        assertThat(booking.paymentId()).isEqualTo("pay-b1");
        assertThat(changes).noneMatch(SeatChange.class::isInstance);
    }

    @Test
    void payment_failure_puts_only_a_pending_booking_back_on_hold() {
        List<RowChange> changes = projectPayment(Facts.paymentFailed("e1", "b1", 7));
        assertThat(only(changes, PaymentChange.class).failureReason()).isEqualTo("card declined");
        BookingChange booking = only(changes, BookingChange.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.HELD);
        assertThat(booking.family().allowedFrom(booking.status())).containsExactly(BookingStatus.PAYMENT_PENDING);
    }

    @Test
    void success_and_refund_facts_touch_payments_and_history_only() {
        PaymentChange succeeded = only(projectPayment(Facts.paymentSucceeded("e1", "b1", 7)), PaymentChange.class);
        assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        PaymentChange refundRequested = only(projectPayment(Facts.refundRequested("e1", "b1", 8)), PaymentChange.class);
        assertThat(refundRequested.status()).isEqualTo(PaymentStatus.REFUND_REQUESTED);
        assertThat(refundRequested.refundReason()).isEqualTo("booking cancelled");
        List<RowChange> refunded = projectPayment(Facts.refundSucceeded("e1", "b1", 9));
        assertThat(only(refunded, PaymentChange.class).refundedCents()).isEqualTo(10000);
        assertThat(refunded).noneMatch(BookingChange.class::isInstance);
        assertThat(only(refunded, HistoryRow.class).type()).isEqualTo("RefundSucceeded");
    }

    @Test
    void a_user_is_projected_without_the_password_hash() {
        UserRow user = only(project(Facts.userRegistered("u-1")), UserRow.class);
        assertThat(user.email()).isEqualTo("u-1@example.org");
        assertThat(user.toString()).doesNotContain("secret-hash");
    }

    @Test
    void unreadable_records_are_unprojectable_with_the_reason() {
        assertThatThrownBy(() -> projector.project("{not json".getBytes(StandardCharsets.UTF_8), AT))
                .isInstanceOf(UnprojectableRecordException.class).hasMessageContaining("not a valid LogEvent");
        assertThatThrownBy(() -> projector.project(
                "{\"type\":\"SeatsSwapped\",\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8), AT))
                .isInstanceOf(UnprojectableRecordException.class).hasMessageContaining("SeatsSwapped");
        assertThatThrownBy(() -> projector.project(null, AT))
                .isInstanceOf(UnprojectableRecordException.class).hasMessageContaining("no value");
    }

    @Test
    void a_fact_without_its_ids_is_unprojectable() {
        String noBooking = "{\"type\":\"HoldExpired\",\"schemaVersion\":1,\"eventId\":\"e1\",\"seats\":[\"FLOOR-1-1\"],"
                + "\"occurredAt\":\"2026-03-14T10:00:00Z\"}";
        assertThatThrownBy(() -> projector.project(noBooking.getBytes(StandardCharsets.UTF_8), AT))
                .isInstanceOf(UnprojectableRecordException.class).hasMessageContaining("bookingId");
    }

    private static List<Class<?>> leafTypes(Class<?> root) {
        List<Class<?>> leaves = new ArrayList<>();
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                leaves.addAll(leafTypes(permitted));
            } else {
                leaves.add(permitted);
            }
        }
        return leaves;
    }
}
