package org.eventbooking.gateway.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.eventbooking.domain.Decision;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.event.BookingCancelled;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.HoldExpired;
import org.eventbooking.domain.event.HoldReleased;
import org.eventbooking.domain.event.PaymentFailed;
import org.eventbooking.domain.event.PaymentRequested;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.domain.event.RefundSucceeded;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.topology.DecisionObserver;

/**
 * The booking funnel as the engine decides it, counted where each decision is made: on the node
 * whose stream thread owns the event. Summed over nodes, every decision counts once (a decision
 * whose transaction aborts and is retried counts twice; rare, and only under failures).
 */
final class DomainMetrics implements DecisionObserver {

    static final List<String> PAYMENT_OUTCOMES = List.of("requested", "succeeded", "failed");
    static final List<String> REFUND_STAGES = List.of("requested", "succeeded");

    private final Counter holdRequests;
    private final Counter holdsGranted;
    private final Counter holdRejections;
    private final Counter holdsExpired;
    private final Counter holdsReleased;
    private final Counter bookingsConfirmed;
    private final Counter bookingsCancelled;
    private final Counter payments;
    private final Counter refunds;
    private final Counter seatsHeld;
    private final Counter seatsSold;

    DomainMetrics(PrometheusRegistry registry) {
        holdRequests = counter(registry, "booking_hold_requests_total", "Hold commands the engine decided");
        holdsGranted = counter(registry, "booking_holds_granted_total", "Hold commands that held seats");
        holdRejections = counter(registry, "booking_hold_rejections_total", "Hold commands rejected, by reason", "reason");
        holdsExpired = counter(registry, "booking_holds_expired_total", "Holds that expired unpaid");
        holdsReleased = counter(registry, "booking_holds_released_total", "Holds released by their customer or an organiser");
        bookingsConfirmed = counter(registry, "booking_bookings_confirmed_total", "Bookings confirmed by a successful payment");
        bookingsCancelled = counter(registry, "booking_bookings_cancelled_total", "Confirmed bookings cancelled");
        payments = counter(registry, "booking_payments_total", "Payment facts by outcome", "outcome");
        refunds = counter(registry, "booking_refunds_total", "Refunds by stage", "stage");
        seatsHeld = counter(registry, "booking_event_seats_held_total", "Seats held, per event", "event_id");
        seatsSold = counter(registry, "booking_event_seats_sold_total", "Seats sold (confirmed), per event", "event_id");
        // Series that exist at zero let rate() and alerts see the first increment.
        for (RejectionReason reason : RejectionReason.values()) {
            holdRejections.initLabelValues(reason.name());
        }
        PAYMENT_OUTCOMES.forEach(payments::initLabelValues);
        REFUND_STAGES.forEach(refunds::initLabelValues);
    }

    @Override
    public void decided(BookingCommand command, Decision decision) {
        boolean hold = command instanceof HoldSeats || command instanceof HoldBestAvailable;
        if (hold) {
            holdRequests.inc();
        }
        if (decision instanceof Decision.Rejected rejected) {
            if (hold) {
                holdRejections.labelValues(rejected.rejection().reason().name()).inc();
            }
            return;
        }
        for (BookingEvent event : ((Decision.Accepted) decision).events()) {
            count(event);
        }
    }

    private void count(BookingEvent event) {
        if (event instanceof SeatsHeld held) {
            holdsGranted.inc();
            seatsHeld.labelValues(held.eventId()).inc(held.seats().size());
        } else if (event instanceof BookingConfirmed confirmed) {
            bookingsConfirmed.inc();
            seatsSold.labelValues(confirmed.eventId()).inc(confirmed.seats().size());
        } else if (event instanceof HoldExpired) {
            holdsExpired.inc();
        } else if (event instanceof HoldReleased) {
            holdsReleased.inc();
        } else if (event instanceof BookingCancelled) {
            bookingsCancelled.inc();
        } else if (event instanceof PaymentRequested) {
            payments.labelValues("requested").inc();
        } else if (event instanceof PaymentSucceeded) {
            payments.labelValues("succeeded").inc();
        } else if (event instanceof PaymentFailed) {
            payments.labelValues("failed").inc();
        } else if (event instanceof RefundRequested) {
            refunds.labelValues("requested").inc();
        } else if (event instanceof RefundSucceeded) {
            refunds.labelValues("succeeded").inc();
        }
        // Catalog facts (event created or called off) are not part of the funnel.
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
    }
}
