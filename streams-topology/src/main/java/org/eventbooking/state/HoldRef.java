package org.eventbooking.state;

/** An entry of the expiry index: which booking of which event holds seats until the key's time. */
public record HoldRef(String eventId, String bookingId) {
}
