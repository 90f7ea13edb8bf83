package org.eventbooking.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.testsupport.Commands.createEvent;
import static org.eventbooking.testsupport.Commands.hold;
import static org.eventbooking.testsupport.Commands.newId;
import static org.eventbooking.testsupport.Commands.release;

import java.util.ArrayList;
import java.util.List;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment races through the topology: each decided by the event's writer, in the log, and replayable. */
class PaymentTopologyTest {

    private static final String EVENT = "event-1";

    private TopologyFixture fixture;
    private final List<LogEvent> log = new ArrayList<>();
    private String bookingId;

    @BeforeEach
    void aHold() {
        fixture = TopologyFixture.inTempDir();
        fixture.send(createEvent(EVENT, TopologyFixture.START, 10, 20, 60));
        bookingId = fixture.send(hold(EVENT, "alice", "FLOOR-1-1")).booking().bookingId();
    }

    @AfterEach
    void replayGivesTheLiveState() {
        log.addAll(fixture.drainLog());
        assertThat(TopologyFixture.foldChecksum(log)).isEqualTo(fixture.liveChecksum());
        fixture.close();
    }

    private CommandReply pay(String paymentId) {
        return fixture.send(new RequestPayment(newId(), "alice", EVENT, bookingId, paymentId));
    }

    private static RecordPaymentOutcome succeeded(String commandId, String bookingId, String paymentId, long amount) {
        return new RecordPaymentOutcome(commandId, "payments", EVENT, bookingId, paymentId, true, amount, "EUR", null);
    }

    private List<String> paymentFacts() {
        return fixture.paymentEvents.readValuesToList().stream().map(BookingEvent::getClass).map(Class::getSimpleName).toList();
    }

    @Test
    void a_redelivered_webhook_gets_the_original_reply_and_changes_nothing() {
        pay("pay-1");
        CommandReply first = fixture.send(succeeded("payment-pay-1-succeeded", bookingId, "pay-1", 5_000));
        CommandReply again = fixture.send(succeeded("payment-pay-1-succeeded", bookingId, "pay-1", 5_000));
        CommandReply sameOutcomeNewId = fixture.send(succeeded(newId(), bookingId, "pay-1", 5_000));

        assertThat(first.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(again).isEqualTo(first);
        assertThat(sameOutcomeNewId.events()).isEmpty();
        assertThat(paymentFacts()).containsExactly("PaymentRequested", "PaymentSucceeded");
    }

    @Test
    void of_two_intents_one_wins() {
        assertThat(pay("pay-1").isAccepted()).isTrue();
        assertThat(pay("pay-2").rejection().reason()).isEqualTo(RejectionReason.INVALID_BOOKING_STATE);
    }

    @Test
    void a_wrong_amount_is_refunded_and_the_hold_stays() {
        pay("pay-1");

        CommandReply reply = fixture.send(succeeded(newId(), bookingId, "pay-1", 4_999));

        assertThat(reply.booking().status()).isEqualTo(BookingStatus.HELD);
        assertThat(paymentFacts()).containsExactly("PaymentRequested", "PaymentSucceeded", "RefundRequested");
    }

    @Test
    void success_for_a_released_booking_is_refunded() {
        pay("pay-1");
        fixture.send(release(EVENT, "alice", bookingId));

        CommandReply reply = fixture.send(succeeded(newId(), bookingId, "pay-1", 5_000));

        assertThat(reply.booking().status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(paymentFacts()).containsExactly("PaymentRequested", "PaymentSucceeded", "RefundRequested");
    }
}
