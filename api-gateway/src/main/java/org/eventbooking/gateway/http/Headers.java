package org.eventbooking.gateway.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.eventbooking.gateway.command.CommandIds;

/** Optional headers and query parameters, checked: a malformed one is a 422 naming it. */
final class Headers {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Headers() {
    }

    static Optional<String> idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY);
        if (key == null) {
            return Optional.empty();
        }
        if (!CommandIds.IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.invalid(IDEMPOTENCY_KEY, "1 to 128 characters of A-Z a-z 0-9 _ . : -");
        }
        return Optional.of(key);
    }

    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw ApiException.invalid(name, "an integer from " + min + " to " + max);
    }

    static boolean boolQuery(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw ApiException.invalid(name, "true or false");
    }
}
