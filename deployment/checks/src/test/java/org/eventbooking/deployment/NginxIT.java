package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.Platform;
import org.eventbooking.ops.process.NginxServer;
import org.eventbooking.ops.process.ProcessRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production nginx configuration, run by real nginx in front of two real gateway nodes (a real
 * broker and redis-server behind them): load spreading and failover, a command answered once, rate
 * limits, TLS versions, headers and request ids, redirects, body limit, the static front end and
 * unbuffered Server-Sent Events. The platform starts once for the class; the test that stops a node
 * runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLDS_ROUTE = "/api/events/{eventId}/holds";

    private static Platform platform;
    private static ObservedNode nodeA;
    private static ObservedNode nodeB;
    private static NginxServer nginx;
    private static SSLContext sslContext;
    private static HttpClient https;
    private static Api viaNginx;
    private static String customer;
    private static String eventId;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start();
        nodeA = ObservedNode.start(platform, "nginx-a");
        nodeB = ObservedNode.start(platform, "nginx-b");
        Platform.awaitSharingTheWork(nodeA.node(), nodeB.node());
        nginx = NginxServer.start(Repository.file("nginx"), Path.of("target"),
                Map.of("gateway-1:8080", nodeA.address(), "gateway-2:8080", nodeB.address()), Map.of(),
                "<!doctype html><title>Event Booking</title>");
        sslContext = nginx.trustingSslContext();
        https = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        viaNginx = new Api(nginx.httpsUrl(""), https);
        // Set up on a node directly: nginx's login limit is what one test spends.
        Api direct = new Api(nodeA.baseUrl());
        customer = direct.signUp("customer");
        eventId = direct.createEvent(direct.signUp("organizer"), 2, 10, 600);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {nginx, nodeB, nodeA, platform}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nginx.httpsUrl(path)));
        headers.forEach(request::header);
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    /** The nodes that served the request with {@code requestId}, once its spans have ended. */
    private static List<String> nodesThatServed(String requestId, int times) {
        return await("node spans of request " + requestId).atMost(Duration.ofSeconds(5)).until(() -> {
            List<String> nodes = new ArrayList<>();
            nodeA.servedWithRequestId(requestId).forEach(s -> nodes.add("a"));
            nodeB.servedWithRequestId(requestId).forEach(s -> nodes.add("b"));
            return nodes;
        }, nodes -> nodes.size() >= times);
    }

    /** The access log line of the request with {@code requestId}. */
    private static JsonNode accessLogEntry(String requestId) {
        return await("access log entry of " + requestId).atMost(Duration.ofSeconds(5)).until(() -> {
            try (Stream<String> lines = Files.lines(nginx.accessLog())) {
                return lines.filter(line -> line.contains(requestId)).findFirst().map(NginxIT::json).orElse(null);
            }
        }, entry -> entry != null);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    @Test
    void the_configuration_passes_nginx_t() {
        assertThat(nginx.configTest().exitCode()).as(nginx.configTest().toString()).isZero();
        assertThat(nginx.configTest().output()).contains("syntax is ok", "test is successful");
    }

    @Test
    void requests_are_spread_over_both_nodes() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = requestId("spread");
            HttpResponse<String> response = get("/api/events?limit=1", Map.of("X-Request-ID", id));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            answeredBy.addAll(nodesThatServed(id, 1));
        }
        assertThat(answeredBy).as("least_conn over two idle nodes alternates").hasSize(8).contains("a", "b");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void a_stopped_node_is_skipped() throws Exception {
        nodeB.close();
        for (int i = 0; i < 6; i++) {
            String id = requestId("failover");
            HttpResponse<String> response = get("/openapi.json", Map.of("X-Request-ID", id));
            assertThat(response.statusCode()).as("request %d after node b stopped", i).isEqualTo(200);
            assertThat(nodesThatServed(id, 1)).containsExactly("a");
        }
    }

    @Test
    void a_hold_through_nginx_gets_its_committed_reply_from_one_node_only() {
        String id = requestId("hold");
        Api.Reply held = viaNginx.send("POST", "/api/events/" + eventId + "/holds", customer,
                Api.json(Map.of("seats", List.of("FLOOR-1-1"))), Map.of("X-Request-ID", id));

        assertThat(held.status()).as(String.valueOf(held.body())).isEqualTo(201);
        String bookingId = held.body().get("bookingId").asText();
        assertThat(held.body().get("status").asText()).isEqualTo("HELD");
        // Committed: the engine has it, whichever node is asked.
        assertThat(new Api(nodeB.baseUrl()).get("/api/bookings/" + bookingId, customer).body().get("status").asText())
                .isEqualTo("HELD");
        // Sent to one node, once: never resent to the other.
        assertThat(nodesThatServed(id, 1)).hasSize(1);
        assertThat(Stream.concat(nodeA.servedWithRequestId(id).stream(), nodeB.servedWithRequestId(id).stream()))
                .singleElement().satisfies(served -> {
                    assertThat(served.route()).isEqualTo(HOLDS_ROUTE);
                    assertThat(served.status()).isEqualTo(201L);
                });
        JsonNode logged = accessLogEntry(id);
        assertThat(logged.get("upstream_addr").asText()).as("one upstream tried").doesNotContain(",")
                .isIn(nodeA.address(), nodeB.address());
        assertThat(logged.get("upstream_status").asText()).isEqualTo("201");
    }

    @Test
    void logins_over_the_limit_get_429_problem_json() {
        String email = "limited-" + UUID.randomUUID() + "@example.com";
        new Api(nodeB.baseUrl()).post("/api/auth/register", null,
                Map.of("email", email, "password", "Secret123", "name", "limited", "role", "customer"));
        List<Api.Reply> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(viaNginx.post("/api/auth/login", null, Map.of("email", email, "password", "Secret123")));
        }
        // 5 a minute with a burst of 3: the first 4 reach a node and log in, the rest are refused.
        assertThat(responses.subList(0, 4)).allSatisfy(r -> {
            assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
            assertThat(r.body().get("accessToken").asText()).isNotBlank();
        });
        Api.Reply limited = responses.get(responses.size() - 1);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).isEqualTo("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.body().get("status").asInt()).isEqualTo(429);
        assertThat(limited.body().get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(limited.body().get("title").asText()).isNotBlank();
    }

    @Test
    void tls_1_3_is_accepted_and_tls_1_0_and_1_1_are_refused() {
        ProcessRun tls13 = openssl("-tls1_3");
        assertThat(tls13.output()).as(tls13.toString()).contains("New, TLSv1.3");
        ProcessRun tls12 = openssl("-tls1_2");
        assertThat(tls12.output()).as(tls12.toString()).contains("New, TLSv1.2");
        // The client offers only the old version (SECLEVEL=0 lets OpenSSL 3 offer it at all); the
        // server answers with the protocol_version alert (70).
        for (String old : List.of("-tls1", "-tls1_1")) {
            ProcessRun refused = openssl(old, "-cipher", "DEFAULT@SECLEVEL=0");
            assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
            assertThat(refused.output()).as(refused.toString()).contains("alert protocol version");
        }
    }

    private static ProcessRun openssl(String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + nginx.httpsPort(),
                "-servername", "localhost"));
        command.addAll(List.of(options));
        return ProcessRun.of(nginx.certificate().getParent(), command.toArray(String[]::new));
    }

    @Test
    void responses_carry_security_headers_and_a_request_id() throws Exception {
        HttpResponse<String> generated = get("/api/events?limit=1");
        assertThat(generated.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(generated.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(generated.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(generated.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(generated.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(generated.headers().firstValue("Server")).hasValue("nginx");
        assertThat(generated.headers().allValues("X-Request-ID")).as("one id, not the node's copy beside nginx's").hasSize(1);
        String madeByNginx = generated.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(madeByNginx).matches("[0-9a-f]{32}");
        assertThat(nodesThatServed(madeByNginx, 1)).as("the node logs and traces nginx's id").hasSize(1);

        String clientId = requestId("client-chosen");
        HttpResponse<String> passed = get("/api/events?limit=1", Map.of("X-Request-ID", clientId));
        assertThat(passed.headers().allValues("X-Request-ID")).containsExactly(clientId);
        assertThat(nodesThatServed(clientId, 1)).hasSize(1);

        // One JSON object per line, carrying the same id and the node that answered.
        JsonNode entry = accessLogEntry(clientId);
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("uri").asText()).isEqualTo("/api/events?limit=1");
        assertThat(entry.get("tls").asText()).startsWith("TLSv1.");
        assertThat(entry.get("upstream_addr").asText()).isIn(nodeA.address(), nodeB.address());
    }

    @Test
    void a_client_id_the_nodes_would_not_take_is_replaced_by_nginx() throws Exception {
        // Nodes accept [A-Za-z0-9._-]; nginx must not pass on an id they would swap for their own.
        HttpResponse<String> replaced = get("/api/events?limit=1", Map.of("X-Request-ID", "client:chosen:" + UUID.randomUUID()));
        String id = replaced.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(nodesThatServed(id, 1)).hasSize(1);
    }

    @Test
    void plain_http_redirects_to_https_and_answers_health() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(URI.create(nginx.httpUrl("/api/events?x=1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).startsWith("https://").endsWith("/api/events?x=1"));

        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void bodies_over_the_limit_are_refused_with_413_problem_json() throws Exception {
        // Only the headers are sent: nginx refuses on the declared length before reading a body
        // (Java's HttpClient cannot be stopped from pushing the whole body, so a raw socket it is).
        try (SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket("127.0.0.1", nginx.httpsPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 2 * 1024 * 1024 + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(problem.get("status").asInt()).isEqualTo(413);
        }
    }

    @Test
    void the_site_root_serves_the_front_end_with_a_single_page_app_fallback() throws Exception {
        for (String path : List.of("/", "/events/some-event")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<title>Event Booking</title>");
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        }
    }

    @Test
    void server_sent_events_pass_through_as_the_nodes_send_them() {
        String stream = "/api/events/" + eventId + "/availability/stream";
        HttpClient plain = HttpClient.newHttpClient();
        try (SseSubscriber throughNginx = SseSubscriber.open(https, nginx.httpsUrl(stream));
             SseSubscriber onA = SseSubscriber.open(plain, nodeA.baseUrl() + stream);
             SseSubscriber onB = SseSubscriber.open(plain, nodeB.baseUrl() + stream)) {
            // Each stream starts with the current counts: then every node has its watchers.
            await("the first event of each stream (through nginx: is proxy_buffering off?)").atMost(Duration.ofSeconds(10))
                    .until(() -> Stream.of(throughNginx, onA, onB).noneMatch(s -> s.received().isEmpty()));

            Api.Reply held = viaNginx.hold(customer, eventId, Map.of("seats", List.of("FLOOR-2-5")), null);
            assertThat(held.status()).as(String.valueOf(held.body())).isEqualTo(201);
            Instant sentByBothNodes = await("the hold's change pushed by both nodes").atMost(Duration.ofSeconds(10))
                    .until(() -> Stream.of(onA, onB).map(s -> s.arrivalOf("FLOOR-2-5")).toList(),
                            arrivals -> arrivals.stream().allMatch(Optional::isPresent))
                    .stream().map(Optional::orElseThrow).max(Instant::compareTo).orElseThrow();

            // A small event in a buffer would wait for kilobytes more: it must pass at once instead.
            Instant throughNginxAt = await("the hold's change through nginx within a second (proxy_buffering must be off)")
                    .atMost(Duration.ofSeconds(1).plus(Duration.between(sentByBothNodes, Instant.now())))
                    .until(() -> throughNginx.arrivalOf("FLOOR-2-5"), Optional::isPresent).orElseThrow();
            assertThat(Duration.between(sentByBothNodes, throughNginxAt)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
