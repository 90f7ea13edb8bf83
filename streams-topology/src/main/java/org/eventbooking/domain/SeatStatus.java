package org.eventbooking.domain;

public enum SeatStatus {
    AVAILABLE,
    HELD,
    SOLD
}
