package org.eventbooking.gateway.http.api;

import java.util.List;

/** Request bodies of the API, read strictly (unknown fields are errors); ranges are checked by handlers. */
public final class Requests {

    private Requests() {
    }

    public record Register(String email, String password, String name, String role) {
    }

    public record Login(String email, String password) {
    }

    public record CreateEvent(String title, String venue, String startsAt, String currency, Integer holdTtlSeconds,
                              Integer maxSeatsPerBooking, List<SectionSpec> sections, Integer cancellationCutoffHours) {
    }

    public record SectionSpec(String name, Long priceCents, Integer rows, Integer seatsPerRow) {
    }

    public record Hold(List<String> seats, String section, Integer quantity) {
    }
}
