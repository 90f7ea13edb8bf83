package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production nginx configuration, run by real nginx in front of two real HTTP servers standing
 * in for gateway nodes: load spreading and failover, rate limits, TLS versions, headers, redirects,
 * body limit, the static front end and unbuffered Server-Sent Events.
 */
class NginxIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StandInNode nodeA;
    private static StandInNode nodeB;
    private static NginxProcess nginx;
    private static SSLContext sslContext;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        nodeA = StandInNode.start("a");
        nodeB = StandInNode.start("b");
        nginx = NginxProcess.start(Map.of("gateway-1:8080", nodeA.address(), "gateway-2:8080", nodeB.address()),
                "<!doctype html><title>Event Booking</title>");
        sslContext = trusting(nginx);
        https = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static SSLContext trusting(NginxProcess nginx) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(nginx.certificate())) {
            trusted.setCertificateEntry("booking", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {nginx, nodeA, nodeB}) {
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
        return https.send(HttpRequest.newBuilder(URI.create(nginx.httpsUrl(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_configuration_passes_nginx_t() {
        assertThat(nginx.configTest().exitCode()).as(nginx.configTest().toString()).isZero();
        assertThat(nginx.configTest().output()).contains("syntax is ok", "test is successful");
    }

    @Test
    void requests_are_spread_over_both_nodes_and_a_stopped_node_is_skipped() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get("/api/events?spread=" + i);
            assertThat(response.statusCode()).isEqualTo(200);
            answeredBy.add(JSON.readTree(response.body()).get("node").asText());
        }
        assertThat(answeredBy).as("least_conn over two idle nodes alternates").contains("a", "b");

        nodeB.close();
        int seenByA = nodeA.seen().size();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get("/api/events?failover=" + i);
            assertThat(response.statusCode()).as("request %d after node b stopped", i).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("node").asText()).isEqualTo("a");
        }
        assertThat(nodeA.seen().size() - seenByA).isEqualTo(6);
    }

    @Test
    void logins_over_the_limit_get_429_problem_json() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(https.send(HttpRequest.newBuilder(URI.create(nginx.httpsUrl("/api/auth/login")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.com\",\"password\":\"guess\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        // 5 a minute with a burst of 3: the first 4 pass at once, the rest are refused.
        assertThat(responses.subList(0, 4)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        HttpResponse<String> limited = responses.get(responses.size() - 1);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(limited.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(problem.get("title").asText()).isNotBlank();
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
        HttpResponse<String> generated = get("/api/events?headers=1");
        assertThat(generated.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(generated.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(generated.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(generated.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(generated.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(generated.headers().firstValue("Server")).hasValue("nginx");
        String madeByNginx = generated.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(madeByNginx).matches("[0-9a-f]{32}");
        assertThat(forwarded("/api/events?headers=1")).extracting(StandInNode.Seen::requestId).isEqualTo(madeByNginx);

        String clientId = "client-chosen-id-42";
        HttpResponse<String> passed = https.send(HttpRequest.newBuilder(URI.create(nginx.httpsUrl("/api/events?headers=2")))
                .header("X-Request-ID", clientId).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(passed.headers().firstValue("X-Request-ID")).hasValue(clientId);
        StandInNode.Seen seen = forwarded("/api/events?headers=2");
        assertThat(seen.requestId()).isEqualTo(clientId);
        assertThat(seen.forwardedProto()).isEqualTo("https");
        assertThat(seen.forwardedFor()).isEqualTo("127.0.0.1");

        // One JSON object per line, carrying the same id.
        List<String> log = Files.readAllLines(nginx.accessLog());
        JsonNode entry = JSON.readTree(log.stream().filter(line -> line.contains(clientId)).findFirst().orElseThrow());
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("uri").asText()).isEqualTo("/api/events?headers=2");
        assertThat(entry.get("tls").asText()).startsWith("TLSv1.");
    }

    private static StandInNode.Seen forwarded(String pathAndQuery) {
        String path = pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
        List<StandInNode.Seen> all = new ArrayList<>(nodeA.seen());
        all.addAll(nodeB.seen());
        // The stand-ins record paths only: the header test's requests are the last to each path.
        return all.stream().filter(s -> s.path().equals(path) && s.requestId() != null).reduce((first, second) -> second).orElseThrow();
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
    void server_sent_events_reach_the_client_while_the_stream_is_open() throws Exception {
        // The stand-in writes one event and keeps the response open; the event must arrive meanwhile
        // (a compressing or response-collecting route would hold it back until the stream ends).
        CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> {
            try {
                HttpResponse<InputStream> response = https.send(HttpRequest.newBuilder(
                        URI.create(nginx.httpsUrl("/api/events/evt-1/availability/stream"))).build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                reader.readLine();
                return reader.readLine();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstEvent.get(10, TimeUnit.SECONDS)).startsWith("data: {\"node\":");
    }
}
