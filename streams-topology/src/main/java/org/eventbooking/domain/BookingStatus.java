package org.eventbooking.domain;

/** The booking lifecycle of DESIGN §3; the names are part of the HTTP and reporting contract. */
public enum BookingStatus {
    HELD,
    PAYMENT_PENDING,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    RELEASED,
    REFUNDED;

    /** Whether the booking still holds its seats without having paid for them. */
    public boolean isHolding() {
        return this == HELD || this == PAYMENT_PENDING;
    }
}
