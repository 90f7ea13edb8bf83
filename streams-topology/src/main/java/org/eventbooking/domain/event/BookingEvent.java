package org.eventbooking.domain.event;

/** A fact in the log. State is the fold of these through {@code BookingEvolver}. */
public sealed interface BookingEvent extends LogEvent
        permits EventCreated, SeatsHeld, HoldReleased, HoldExpired, BookingConfirmed, BookingCancelled,
                PaymentRequested, PaymentSucceeded, PaymentFailed, RefundRequested, RefundSucceeded, EventCancelled {

    String eventId();
}
