package org.eventbooking.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, as the client will see it: an RFC 9457 problem. Thrown
 * anywhere in a handler; {@link Problems} writes it. Extensions (such as {@code unavailableSeats})
 * and response headers (such as {@code Retry-After}) travel with it.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, String> fieldErrors = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "malformed-request", "Malformed request", detail);
    }

    public static ApiException invalid(Map<String, String> errors) {
        ApiException e = new ApiException(422, "validation-failed", "Invalid request",
                "some fields are invalid: see errors, fix them and send again");
        e.fieldErrors.putAll(errors);
        return e;
    }

    public static ApiException invalid(String field, String message) {
        return invalid(Map.of(field, message));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Authentication required", detail)
                .withHeader("WWW-Authenticate", "Bearer");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Not allowed", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    public static ApiException conflict(String slug, String title, String detail) {
        return new ApiException(409, slug, title, detail);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, "temporarily-unavailable", "Temporarily unavailable", detail)
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    public ApiException with(String extension, Object value) {
        extensions.put(extension, value);
        return this;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
