package org.eventbooking.domain;

import java.util.List;

/** A refused command: the reason code, a message for people, and the seats at fault (may be empty). */
public record Rejection(RejectionReason reason, String message, List<String> seats) {

    public Rejection {
        seats = List.copyOf(seats);
    }

    public static Rejection of(RejectionReason reason, String message) {
        return new Rejection(reason, message, List.of());
    }
}
