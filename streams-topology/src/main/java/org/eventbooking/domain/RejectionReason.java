package org.eventbooking.domain;

/** Why a command changed nothing. The gateway maps each reason to an HTTP status. */
public enum RejectionReason {
    /** The command itself is malformed (missing field, bad value): 422. */
    INVALID_COMMAND,
    UNKNOWN_EVENT,
    EVENT_EXISTS,
    EVENT_STARTED,
    UNKNOWN_SECTION,
    UNKNOWN_SEAT,
    DUPLICATE_SEAT,
    INVALID_QUANTITY,
    TOO_MANY_SEATS,
    /** The seats exist but another booking has them: 409. */
    SEATS_UNAVAILABLE,
    BOOKING_EXISTS,
    UNKNOWN_BOOKING,
    NOT_OWNER,
    /** The booking is not in a state the command applies to (for example releasing a confirmed booking). */
    INVALID_BOOKING_STATE,
    HOLD_EXPIRED,
    /** The organiser called the event off: 409. */
    EVENT_CANCELLED,
    /** Too close to the event's start to cancel a confirmed booking: 409. */
    CANCELLATION_CLOSED,
    AMOUNT_MISMATCH,
    /** Another user registered with this email: 409. */
    EMAIL_TAKEN,
    /** The same idempotency key came with a different command. */
    IDEMPOTENCY_KEY_REUSED
}
