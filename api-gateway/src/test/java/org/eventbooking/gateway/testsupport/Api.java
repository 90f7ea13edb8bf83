package org.eventbooking.gateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.UUID;

/** A small HTTP client of the public API, as a real client would use it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<String> baseUrl;
    private final HttpClient http;

    public Api(String baseUrl) {
        this(baseUrl, HTTP);
    }

    /** Through {@code http}, e.g. a client that trusts a proxy's self-signed certificate. */
    public Api(String baseUrl, HttpClient http) {
        this.baseUrl = () -> baseUrl;
        this.http = http;
    }

    /** For a server whose address is known only once it has started: asked at each request. */
    Api(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HTTP;
    }

    /** A response: status, headers and the body parsed as JSON (null when empty). */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(40))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() || !response.headers().firstValue("Content-Type").orElse("").contains("json")
                    ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Reply post(String path, String token, Object body) {
        return send("POST", path, token, json(body), Map.of());
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a user with a fresh email and returns an access token. */
    public String signUp(String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        return signUp(email, role);
    }

    public String signUp(String email, String role) {
        Reply registered = post("/api/auth/register", null, Map.of("email", email, "password", "Secret123",
                "name", "user_" + role, "role", role));
        if (registered.status() != 201) {
            throw new AssertionError("register failed: " + registered.status() + " " + registered.body());
        }
        return login(email, "Secret123");
    }

    public String login(String email, String password) {
        Reply login = post("/api/auth/login", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login.status() + " " + login.body());
        }
        return login.body().get("accessToken").asText();
    }

    /** Creates an event with one section FLOOR of rows × seatsPerRow and returns its id. */
    public String createEvent(String organizerToken, int rows, int seatsPerRow, int holdTtlSeconds) {
        Reply created = post("/api/events", organizerToken, Map.of("title", "Flash Sale Live", "venue", "Arena",
                "startsAt", Instant.now().plus(Duration.ofDays(30)).toString(), "currency", "EUR",
                "holdTtlSeconds", holdTtlSeconds, "maxSeatsPerBooking", 10,
                "sections", List.of(Map.of("name", "FLOOR", "priceCents", 5000, "rows", rows, "seatsPerRow", seatsPerRow))));
        if (created.status() != 201) {
            throw new AssertionError("create event failed: " + created.status() + " " + created.body());
        }
        return created.body().get("eventId").asText();
    }

    public Reply hold(String token, String eventId, Object body, String idempotencyKey) {
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        return send("POST", "/api/events/" + eventId + "/holds", token, json(body), headers);
    }
}
