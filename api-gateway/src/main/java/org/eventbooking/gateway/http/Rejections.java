package org.eventbooking.gateway.http;

import org.eventbooking.domain.Rejection;

/** The HTTP answer to each reason the engine refuses a command (DESIGN §4). */
final class Rejections {

    private Rejections() {
    }

    static ApiException toProblem(Rejection rejection) {
        String detail = rejection.message();
        return switch (rejection.reason()) {
            case SEATS_UNAVAILABLE -> ApiException.conflict("seats-unavailable", "Seats unavailable", detail)
                    .with("unavailableSeats", rejection.seats());
            case UNKNOWN_EVENT, UNKNOWN_BOOKING, NOT_OWNER -> ApiException.notFound(detail);
            case INVALID_COMMAND, UNKNOWN_SECTION, UNKNOWN_SEAT, DUPLICATE_SEAT, INVALID_QUANTITY, TOO_MANY_SEATS ->
                    new ApiException(422, "invalid-" + slug(rejection), "Invalid request", detail)
                            .with("reason", rejection.reason().name()).with("seats", rejection.seats());
            case IDEMPOTENCY_KEY_REUSED -> new ApiException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    detail + ": use a new Idempotency-Key for a different request");
            case EVENT_EXISTS, EVENT_STARTED, BOOKING_EXISTS, INVALID_BOOKING_STATE, HOLD_EXPIRED, AMOUNT_MISMATCH, EMAIL_TAKEN,
                 CANCELLATION_CLOSED, EVENT_CANCELLED ->
                    ApiException.conflict(slug(rejection), "Conflict", detail).with("reason", rejection.reason().name());
        };
    }

    private static String slug(Rejection rejection) {
        return rejection.reason().name().toLowerCase().replace('_', '-');
    }
}
