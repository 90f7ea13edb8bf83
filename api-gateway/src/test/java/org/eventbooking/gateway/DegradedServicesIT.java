package org.eventbooking.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.SingleNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node without Redis keeps serving; a node without Kafka says it is not ready. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DegradedServicesIT {

    @RegisterExtension
    static final SingleNode NODE = SingleNode.withSettings("degraded", Map.of("BOOKING_REPLY_TIMEOUT_MS", "2000"));
    private static final Api api = NODE.api();

    @Test
    @Order(1)
    void without_redis_the_node_keeps_serving_and_says_so_in_its_metrics() {
        String organizer = api.signUp("organizer");
        String customer = api.signUp("customer");
        String eventId = api.createEvent(organizer, 2, 10, 600);
        NODE.platform().redis().stop();
        try {
            Api.Reply held = api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-1")), null);
            Api.Reply availability = api.get("/api/events/" + eventId + "/availability", null);

            assertThat(held.status()).isEqualTo(201);
            assertThat(availability.status()).isEqualTo(200);
            assertThat(api.get("/api/me/bookings", customer).status()).isEqualTo(200);
            assertThat(api.get("/metrics", null).raw().body()).contains("booking_redis_up 0.0");
        } finally {
            NODE.platform().redis().restart();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            api.get("/api/events/" + eventId, null);
            assertThat(api.get("/metrics", null).raw().body()).contains("booking_redis_up 1.0");
        });
    }

    @Test
    @Order(2)
    void without_kafka_the_node_is_not_ready_and_writes_time_out_with_a_retry_hint() {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        String organizer = api.signUp("organizer");
        String customer = api.signUp("customer");
        String eventId = api.createEvent(organizer, 2, 10, 600);

        NODE.platform().kafka().killBroker(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Reply ready = api.get("/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.header("Retry-After")).isNotNull();
        });
        assertThat(api.get("/health", null).status()).isEqualTo(200);

        Api.Reply timedOut = api.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-2")), "retry-me");

        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(timedOut.contentType()).startsWith("application/problem+json");
        assertThat(timedOut.body().get("detail").asText()).contains("same Idempotency-Key");
    }
}
