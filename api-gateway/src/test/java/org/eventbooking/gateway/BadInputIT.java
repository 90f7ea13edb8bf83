package org.eventbooking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eventbooking.gateway.auth.Role;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.SingleNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every route gets its 4xx with an RFC 9457 problem body, never a 5xx or a stack
 * trace; forged tokens are refused. Runs against a real node, broker and redis-server.
 */
class BadInputIT {

    private static final String FUTURE = Instant.now().plus(Duration.ofDays(30)).toString();
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, String> IDS = new HashMap<>();
    @RegisterExtension
    static final SingleNode NODE = SingleNode.named("bad-input");
    private static final Api api = NODE.api();

    @BeforeAll
    static void start() {
        api.post("/api/auth/register", null, Map.of("email", "known@example.com", "password", "Secret123", "name", "known", "role", "customer"));
        TOKENS.put("customer", api.login("known@example.com", "Secret123"));
        TOKENS.put("organizer", api.signUp("organizer"));
        TOKENS.put("none", null);
        TOKENS.put("garbage", "not.a.jwt");
        TOKENS.put("alg-none", algNone(TOKENS.get("customer")));
        TOKENS.put("other-secret", new TokenService("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                "event-booking", Duration.ofHours(1), Clock.systemUTC()).issue("u-1", "x@example.com", Role.ORGANIZER).token());
        TOKENS.put("expired", new TokenService(TokenService.DEV_SECRET.getBytes(StandardCharsets.UTF_8), "event-booking",
                Duration.ofSeconds(5), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue("u-1", "x@example.com", Role.ORGANIZER).token());
        TOKENS.put("tampered-role", tamperedRole(TOKENS.get("customer")));
        String eventId = api.post("/api/events", TOKENS.get("organizer"), Map.of("title", "Small", "venue", "Club", "startsAt", FUTURE,
                "currency", "EUR", "maxSeatsPerBooking", 2, "sections", List.of(section("FLOOR", 5, 10)))).body().get("eventId").asText();
        IDS.put("event", eventId);
    }

    record Case(String name, String method, String path, String token, String body, Map<String, String> headers, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String method, String path, String token, Object body, int status) {
        return new Case(name, method, path, token, body == null ? null : Api.json(body), Map.of(), status);
    }

    private static Case raw(String name, String method, String path, String token, String body, Map<String, String> headers, int status) {
        return new Case(name, method, path, token, body, headers, status);
    }

    private static Map<String, Object> section(String name, Object rows, Object seatsPerRow) {
        Map<String, Object> section = new HashMap<>(Map.of("name", name, "priceCents", 1000));
        section.put("rows", rows);
        section.put("seatsPerRow", seatsPerRow);
        return section;
    }

    private static Map<String, Object> event(String field, Object value) {
        Map<String, Object> event = new HashMap<>(Map.of("title", "Show", "venue", "Hall", "startsAt", FUTURE, "currency", "EUR",
                "sections", List.of(section("FLOOR", 10, 10))));
        if (value == null) {
            event.remove(field);
        } else {
            event.put(field, value);
        }
        return event;
    }

    private static Map<String, Object> register(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("email", "new@example.com", "password", "Secret123", "name", "newbie", "role", "customer"));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, value);
        }
        return body;
    }

    static Stream<Arguments> cases() {
        String big = "{\"email\":\"" + "a".repeat(70_000) + "\"}";
        String holds = "/api/events/{event}/holds";
        return Stream.of(
                raw("register malformed JSON", "POST", "/api/auth/register", "none", "{\"email\":", Map.of(), 400),
                raw("register empty body", "POST", "/api/auth/register", "none", "", Map.of(), 400),
                raw("register JSON null", "POST", "/api/auth/register", "none", "null", Map.of(), 400),
                raw("register JSON array", "POST", "/api/auth/register", "none", "[1,2]", Map.of(), 400),
                raw("register text/plain", "POST", "/api/auth/register", "none", "{}", Map.of("Content-Type", "text/plain"), 415),
                raw("register body over 64 KiB", "POST", "/api/auth/register", "none", big, Map.of(), 413),
                c("register unknown field", "POST", "/api/auth/register", "none", register("admin", true), 422),
                c("register email a number", "POST", "/api/auth/register", "none", register("email", 42), 422),
                c("register invalid email", "POST", "/api/auth/register", "none", register("email", "not-an-email"), 422),
                c("register missing email", "POST", "/api/auth/register", "none", register("email", null), 422),
                c("register password without digit", "POST", "/api/auth/register", "none", register("password", "Secretive"), 422),
                c("register short password", "POST", "/api/auth/register", "none", register("password", "Se1"), 422),
                c("register password without upper", "POST", "/api/auth/register", "none", register("password", "secret123"), 422),
                c("register name with space", "POST", "/api/auth/register", "none", register("name", "a b c"), 422),
                c("register name too short", "POST", "/api/auth/register", "none", register("name", "ab"), 422),
                c("register role admin", "POST", "/api/auth/register", "none", register("role", "admin"), 422),
                c("register missing role", "POST", "/api/auth/register", "none", register("role", null), 422),
                c("register taken email", "POST", "/api/auth/register", "none", register("email", "known@example.com"), 409),
                raw("login malformed", "POST", "/api/auth/login", "none", "{", Map.of(), 400),
                c("login unknown field", "POST", "/api/auth/login", "none", Map.of("email", "a@b.co", "password", "x", "otp", 1), 422),
                c("login wrong password", "POST", "/api/auth/login", "none", Map.of("email", "known@example.com", "password", "Wrong1234"), 401),
                c("login unknown email", "POST", "/api/auth/login", "none", Map.of("email", "nobody@example.com", "password", "Secret123"), 401),
                c("login missing password", "POST", "/api/auth/login", "none", Map.of("email", "known@example.com"), 401),
                c("logout without token", "POST", "/api/auth/logout", "none", null, 401),
                c("logout garbage token", "POST", "/api/auth/logout", "garbage", null, 401),
                c("create event without token", "POST", "/api/events", "none", event("title", "x"), 401),
                c("create event as customer", "POST", "/api/events", "customer", event("title", "x"), 403),
                c("create event alg none", "POST", "/api/events", "alg-none", event("title", "x"), 401),
                c("create event other secret", "POST", "/api/events", "other-secret", event("title", "x"), 401),
                c("create event expired token", "POST", "/api/events", "expired", event("title", "x"), 401),
                c("create event tampered role", "POST", "/api/events", "tampered-role", event("title", "x"), 401),
                c("create event missing title", "POST", "/api/events", "organizer", event("title", null), 422),
                c("create event title too long", "POST", "/api/events", "organizer", event("title", "t".repeat(201)), 422),
                c("create event in the past", "POST", "/api/events", "organizer", event("startsAt", "2020-01-01T00:00:00Z"), 422),
                c("create event startsAt not a date", "POST", "/api/events", "organizer", event("startsAt", "next friday"), 422),
                c("create event lowercase currency", "POST", "/api/events", "organizer", event("currency", "eur"), 422),
                c("create event unknown currency", "POST", "/api/events", "organizer", event("currency", "XQQ"), 422),
                c("create event hold TTL 0", "POST", "/api/events", "organizer", event("holdTtlSeconds", 0), 422),
                c("create event hold TTL over a day", "POST", "/api/events", "organizer", event("holdTtlSeconds", 86_401), 422),
                c("create event hold TTL as string", "POST", "/api/events", "organizer", event("holdTtlSeconds", "60"), 422),
                c("create event 101 seats per booking", "POST", "/api/events", "organizer", event("maxSeatsPerBooking", 101), 422),
                c("create event no sections", "POST", "/api/events", "organizer", event("sections", List.of()), 422),
                c("create event sections not a list", "POST", "/api/events", "organizer", event("sections", "FLOOR"), 422),
                c("create event bad section name", "POST", "/api/events", "organizer", event("sections", List.of(section("FLOOR 1", 1, 1))), 422),
                c("create event zero rows", "POST", "/api/events", "organizer", event("sections", List.of(section("A", 0, 1))), 422),
                c("create event 1001 seats per row", "POST", "/api/events", "organizer", event("sections", List.of(section("A", 1, 1001))), 422),
                c("create event fractional rows", "POST", "/api/events", "organizer", event("sections", List.of(section("A", 1.5, 10))), 422),
                c("create event over 100,000 seats", "POST", "/api/events", "organizer",
                        event("sections", List.of(section("A", 1000, 60), section("B", 1000, 60))), 422),
                c("create event duplicate sections", "POST", "/api/events", "organizer", event("sections", List.of(section("A", 1, 1), section("A", 1, 1))), 422),
                c("create event negative price", "POST", "/api/events", "organizer",
                        event("sections", List.of(Map.of("name", "A", "priceCents", -1, "rows", 1, "seatsPerRow", 1))), 422),
                raw("create event bad idempotency key", "POST", "/api/events", "organizer", Api.json(event("title", "x")),
                        Map.of("Idempotency-Key", "has space"), 422),
                c("list events limit 0", "GET", "/api/events?limit=0", "none", null, 422),
                c("list events limit not a number", "GET", "/api/events?limit=ten", "none", null, 422),
                c("list events limit 101", "GET", "/api/events?limit=101", "none", null, 422),
                c("list events bad cursor", "GET", "/api/events?after=a%20b", "none", null, 422),
                c("unknown event", "GET", "/api/events/no-such-event", "none", null, 404),
                c("availability of unknown event", "GET", "/api/events/no-such-event/availability", "none", null, 404),
                c("availability seats=maybe", "GET", "/api/events/{event}/availability?seats=maybe", "none", null, 422),
                c("stream of unknown event", "GET", "/api/events/no-such-event/availability/stream", "none", null, 404),
                c("hold without token", "POST", holds, "none", Map.of("seats", List.of("FLOOR-1-1")), 401),
                c("hold as organizer", "POST", holds, "organizer", Map.of("seats", List.of("FLOOR-1-1")), 403),
                c("hold on unknown event", "POST", "/api/events/no-such-event/holds", "customer", Map.of("seats", List.of("FLOOR-1-1")), 404),
                c("hold seats and section", "POST", holds, "customer", Map.of("seats", List.of("FLOOR-1-1"), "section", "FLOOR", "quantity", 1), 422),
                c("hold nothing", "POST", holds, "customer", Map.of(), 422),
                c("hold empty seats", "POST", holds, "customer", Map.of("seats", List.of()), 422),
                c("hold malformed seat id", "POST", holds, "customer", Map.of("seats", List.of("FLOOR/1/1")), 422),
                c("hold same seat twice", "POST", holds, "customer", Map.of("seats", List.of("FLOOR-1-1", "FLOOR-1-1")), 422),
                c("hold seats as a string", "POST", holds, "customer", Map.of("seats", "FLOOR-1-1"), 422),
                c("hold quantity 0", "POST", holds, "customer", Map.of("section", "FLOOR", "quantity", 0), 422),
                c("hold quantity 101", "POST", holds, "customer", Map.of("section", "FLOOR", "quantity", 101), 422),
                c("hold section without quantity", "POST", holds, "customer", Map.of("section", "FLOOR"), 422),
                c("hold seat that does not exist", "POST", holds, "customer", Map.of("seats", List.of("FLOOR-99-1")), 422),
                c("hold more than the event allows", "POST", holds, "customer", Map.of("seats", List.of("FLOOR-2-1", "FLOOR-2-2", "FLOOR-2-3")), 422),
                c("hold in unknown section", "POST", holds, "customer", Map.of("section", "BALCONY", "quantity", 1), 422),
                raw("hold bad idempotency key", "POST", holds, "customer", Api.json(Map.of("seats", List.of("FLOOR-3-1"))),
                        Map.of("Idempotency-Key", "x".repeat(129)), 422),
                c("booking without token", "GET", "/api/bookings/some.booking", "none", null, 401),
                c("unknown booking", "GET", "/api/bookings/no-such.booking", "customer", null, 404),
                c("booking id without event", "GET", "/api/bookings/plain", "customer", null, 404),
                c("booking waitMs negative", "GET", "/api/bookings/x.y?waitMs=-1", "customer", null, 422),
                c("booking waitMs over 30 s", "GET", "/api/bookings/x.y?waitMs=40000", "customer", null, 422),
                c("release unknown booking", "DELETE", "/api/bookings/no-such.booking", "customer", null, 404),
                c("my bookings without token", "GET", "/api/me/bookings", "none", null, 401),
                c("my bookings expired token", "GET", "/api/me/bookings", "expired", null, 401),
                c("unknown route", "GET", "/api/nothing-here", "none", null, 404),
                c("internal route without the cluster token", "GET", "/internal/stores/events", "none", null, 404)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_its_4xx_as_a_problem(Case bad) {
        Api.Reply reply = api.send(bad.method(), bad.path().replace("{event}", IDS.get("event")), TOKENS.get(bad.token()),
                bad.body(), bad.headers());

        assertThat(reply.status()).as(bad.name() + ": " + reply.raw().body()).isEqualTo(bad.status());
        assertThat(reply.contentType()).as(bad.name()).startsWith("application/problem+json");
        assertThat(reply.body().get("status").asInt()).isEqualTo(bad.status());
        assertThat(reply.body().get("type").asText()).startsWith("/problems/");
        assertThat(reply.body().get("title").asText()).isNotBlank();
        assertThat(reply.body().get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (reply.status() == 422 && reply.body().has("errors")) {
            assertThat(reply.body().get("errors").size()).isPositive();
        }
    }

    private static String algNone(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private static String tamperedRole(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"customer\"", "\"organizer\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
