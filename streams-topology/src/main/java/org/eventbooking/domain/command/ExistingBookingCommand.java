package org.eventbooking.domain.command;

/** A command about a booking that already exists. */
public sealed interface ExistingBookingCommand extends BookingCommand
        permits ReleaseHold, ExpireHold, ConfirmBooking, CancelBooking, RequestPayment, RecordPaymentOutcome, RecordRefund {

    String bookingId();
}
