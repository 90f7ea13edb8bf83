package org.eventbooking.domain;

/** A seat is AVAILABLE, or HELD or SOLD by exactly one booking. */
public record SeatState(SeatStatus status, String bookingId) {

    public static final SeatState AVAILABLE = new SeatState(SeatStatus.AVAILABLE, null);

    public static SeatState held(String bookingId) {
        return new SeatState(SeatStatus.HELD, bookingId);
    }

    public static SeatState sold(String bookingId) {
        return new SeatState(SeatStatus.SOLD, bookingId);
    }

    public boolean isAvailable() {
        return status == SeatStatus.AVAILABLE;
    }
}
