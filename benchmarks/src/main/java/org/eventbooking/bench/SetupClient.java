package org.eventbooking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The few blocking calls that prepare a run (users, tokens, events), made through the public API
 * like a real client so the benchmark needs nothing the node does not expose.
 */
final class SetupClient {

    static final String PASSWORD = "Secret123";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    SetupClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Registers a user and returns its access token. */
    String signUp(String email, String role) throws IOException, InterruptedException {
        Map<String, String> user = Map.of("email", email, "password", PASSWORD, "name", "bench_" + role, "role", role);
        HttpResponse<String> registered = post("/api/auth/register", null, user);
        // Right after start the first commands can outlive the reply timeout while the engine
        // settles; the registration may still have been applied, so a retry may find it (409).
        for (int attempt = 1; registered.statusCode() >= 500 && attempt < 5; attempt++) {
            registered = post("/api/auth/register", null, user);
        }
        if (registered.statusCode() != 409) {
            expect(201, registered, "register " + email);
        }
        // A registration answered late (504, then 409 on retry) can reach the login's account view
        // a moment after the answer on a node this busy: look again rather than fail the run.
        HttpResponse<String> login = post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
        for (int attempt = 1; login.statusCode() == 401 && attempt < 20; attempt++) {
            Thread.sleep(500);
            login = post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD));
        }
        return expect(200, login, "login " + email).get("accessToken").asText();
    }

    /** Registers {@code count} customers ({@code prefix-N@flash.example}) many at once, as one by one would take minutes; their tokens. */
    List<String> signUpMany(String prefix, int count) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = prefix + "-" + i + "@flash.example";
                tokens.add(pool.submit(() -> signUp(email, "customer")));
            }
            List<String> result = new ArrayList<>();
            for (Future<String> token : tokens) {
                result.add(token.get());
            }
            System.out.printf("%,d customers signed up in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates an event of equal sections and returns its id; holds last an hour so none expire mid-run. */
    String createEvent(String organizerToken, String title, List<String> sections, int rows, int seatsPerRow)
            throws IOException, InterruptedException {
        return createEvent(organizerToken, title, sections, rows, seatsPerRow, 3600, 10);
    }

    /** Creates an event of equal sections and returns its id. */
    String createEvent(String organizerToken, String title, List<String> sections, int rows, int seatsPerRow,
                       int holdTtlSeconds, int maxSeatsPerBooking) throws IOException, InterruptedException {
        List<Map<String, Object>> venue = sections.stream()
                .map(name -> Map.<String, Object>of("name", name, "priceCents", 5000, "rows", rows, "seatsPerRow", seatsPerRow))
                .toList();
        Map<String, Object> event = Map.of("title", title, "venue", "Bench Arena",
                "startsAt", Instant.now().plus(Duration.ofDays(30)).toString(), "currency", "EUR",
                "holdTtlSeconds", holdTtlSeconds, "maxSeatsPerBooking", maxSeatsPerBooking, "sections", venue);
        // An engine still settling (just started, or busy) can answer 504 though the event was created:
        // the retry with the same key gets the outcome without creating a second event.
        String key = UUID.randomUUID().toString();
        HttpResponse<String> created = post("/api/events", organizerToken, event, key);
        for (int attempt = 1; created.statusCode() >= 500 && attempt < 5; attempt++) {
            created = post("/api/events", organizerToken, event, key);
        }
        return expect(201, created, "create event").get("eventId").asText();
    }

    private HttpResponse<String> post(String path, String token, Object body) throws IOException, InterruptedException {
        return post(path, token, body, null);
    }

    private HttpResponse<String> post(String path, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
