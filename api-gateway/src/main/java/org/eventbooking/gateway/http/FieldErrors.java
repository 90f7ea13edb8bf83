package org.eventbooking.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field messages of one request and throws them as a 422 together. */
public final class FieldErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors require(boolean valid, String field, String message) {
        if (!valid) {
            errors.putIfAbsent(field, message);
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public FieldErrors addAll(Map<String, String> more) {
        more.forEach(errors::putIfAbsent);
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
