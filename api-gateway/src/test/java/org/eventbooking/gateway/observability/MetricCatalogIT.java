package org.eventbooking.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eventbooking.gateway.payments.FakePaymentProvider;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.SingleNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real node's {@code /metrics}, after holds were granted and rejected, exports every metric that
 * a dashboard shows or an alert watches: no panel shows a metric nobody exports. (Connect-worker
 * metrics are listed in prometheus/connect-worker-metrics.txt and checked by ProjectionConnectorIT,
 * broker metrics in prometheus/kafka-broker-metrics.txt and checked by kafka-local's BrokerMetricsIT;
 * {@code up} is made by Prometheus itself.)
 */
class MetricCatalogIT {

    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    @RegisterExtension
    static final SingleNode NODE = SingleNode.withSettings("metrics-1", Map.of("BOOKING_FAKE_PROVIDER", "true"));
    private static final Api api = NODE.api();

    @Test
    void every_metric_in_dashboards_and_alerts_is_exported_by_a_node_after_traffic() {
        String organizer = api.signUp("organizer");
        String customer = api.signUp("customer");
        String eventId = api.createEvent(organizer, 2, 10, 600);
        Api.Reply held = api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-1")), null);
        assertThat(held.status()).isEqualTo(201);
        assertThat(api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-1")), null).status()).isEqualTo(409);
        pay(customer, held.body().get("bookingId").asText());

        Set<String> wanted = new TreeSet<>();
        ObservabilityFiles.dashboardExpressions().forEach(expr -> wanted.addAll(PromQlMetricNames.of(expr)));
        ObservabilityFiles.ruleExpressions().forEach(expr -> wanted.addAll(PromQlMetricNames.of(expr)));
        wanted.removeAll(MADE_BY_PROMETHEUS);
        wanted.removeAll(ObservabilityFiles.metricsOfOtherProcesses());
        assertThat(wanted).as("metrics named in dashboards and rules").hasSizeGreaterThan(20);

        // Kafka client metrics appear once the stream thread has committed and its consumer fetched.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(exportedNames(api.get("/metrics", null).raw().body())).containsAll(wanted));
    }

    @Test
    void the_funnel_counts_what_the_engine_decided() {
        String organizer = api.signUp("organizer");
        String customer = api.signUp("customer");
        String eventId = api.createEvent(organizer, 1, 10, 600);
        api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-2")), null);
        api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-2")), null);

        String metrics = api.get("/metrics", null).raw().body();
        assertThat(metrics).contains("booking_event_seats_held_total{event_id=\"" + eventId + "\"} 1.0")
                .contains("booking_hold_rejections_total{reason=\"SEATS_UNAVAILABLE\"}")
                .contains("kafka_streams_thread_state{");
    }

    /** Pays through the fake provider; the booking is confirmed once its webhook was taken. */
    private static void pay(String customer, String bookingId) {
        Api.Reply intent = api.post("/api/bookings/" + bookingId + "/payment", customer, "{}");
        assertThat(intent.status()).isEqualTo(201);
        String checkout = intent.body().get("checkoutUrl").asText().substring(NODE.node().baseUrl().length());
        assertThat(api.send("POST", checkout, null, Api.json(Map.of("card", FakePaymentProvider.SUCCEEDING_CARD)), Map.of())
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                "CONFIRMED".equals(api.get("/api/bookings/" + bookingId, customer).body().get("status").asText()));
    }

    /** The sample names of a text exposition: the first token of every line that is not a comment. */
    private static Set<String> exportedNames(String exposition) {
        return Arrays.stream(exposition.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
