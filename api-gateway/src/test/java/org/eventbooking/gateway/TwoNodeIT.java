package org.eventbooking.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventbooking.gateway.testsupport.Api;
import org.eventbooking.gateway.testsupport.Platform;
import org.eventbooking.state.StoreNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (own ports, own state directories) share a four-partition topology: whichever node a
 * query hits, it answers the same, forwarding to the owner of the key when that is the other node.
 */
class TwoNodeIT {

    private static Platform platform;
    private static GatewayNode first;
    private static GatewayNode second;
    private static Api one;
    private static Api two;

    @BeforeAll
    static void startTwoNodes() {
        platform = Platform.start();
        first = platform.node("two-a");
        second = platform.node("two-b");
        one = new Api(first.baseUrl());
        two = new Api(second.baseUrl());
        Platform.awaitSharingTheWork(first, second);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {second, first, platform}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
    }

    @Test
    void every_query_answers_the_same_whichever_node_it_hits() {
        String organizer = one.signUp("organizer");
        String customer = two.signUp("customer");
        List<String> events = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api creator = i % 2 == 0 ? one : two;
            String eventId = creator.createEvent(organizer, 2, 10, 600);
            events.add(eventId);
            Api holder = i % 2 == 0 ? two : one;
            Api.Reply held = holder.hold(customer, eventId, Map.of("seats", List.of("FLOOR-1-" + (i + 1))), null);
            assertThat(held.status()).isEqualTo(201);
            bookings.add(held.body().get("bookingId").asText());
        }
        assertThat(owners(events)).as("the events are spread over both nodes").hasSize(2);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String eventId : events) {
                assertSame("/api/events/" + eventId, null);
                assertSame("/api/events/" + eventId + "/availability?seats=true", null);
            }
            for (String bookingId : bookings) {
                assertSame("/api/bookings/" + bookingId, customer);
            }
            assertSame("/api/me/bookings", customer);
            assertSame("/api/events?limit=100", null);
        });
        assertThat(one.get("/api/me/bookings", customer).body().get("items").size()).isEqualTo(8);
        assertThat(two.get("/api/events?limit=100", null).body().get("items").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void a_user_registered_on_one_node_logs_in_on_the_other() {
        one.post("/api/auth/register", null, Map.of("email", "dana@example.com", "password", "Secret123", "name", "dana",
                "role", "customer"));

        assertThat(two.login("dana@example.com", "Secret123")).isNotBlank();
        assertThat(two.post("/api/auth/register", null, Map.of("email", "dana@example.com", "password", "Secret123",
                "name", "dana2", "role", "customer")).status()).isEqualTo(409);
    }

    @Test
    void paging_the_catalog_walks_every_event_once_across_nodes() {
        String organizer = two.signUp("organizer");
        for (int i = 0; i < 5; i++) {
            one.createEvent(organizer, 1, 1, 600);
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = two.get("/api/events?limit=2" + (next == null ? "" : "&after=" + next), null).body();
            page.get("items").forEach(item -> seen.add(item.get("eventId").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);

        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5).isSorted();
    }

    private static void assertSame(String path, String token) {
        Api.Reply fromOne = one.get(path, token);
        Api.Reply fromTwo = two.get(path, token);
        assertThat(fromOne.status()).as(path).isEqualTo(200);
        assertThat(fromTwo.status()).as(path).isEqualTo(200);
        assertThat(fromTwo.body()).as(path).isEqualTo(fromOne.body());
    }

    private static List<String> owners(List<String> events) {
        return events.stream().map(eventId -> first.streams()
                .queryMetadataForKey(StoreNames.EVENTS, eventId, org.apache.kafka.common.serialization.Serdes.String().serializer())
                .activeHost().toString()).distinct().toList();
    }
}
