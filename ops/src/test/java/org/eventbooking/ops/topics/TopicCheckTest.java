package org.eventbooking.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.eventbooking.topology.TopicProvisioner;
import org.eventbooking.topology.Topics;
import org.junit.jupiter.api.Test;

class TopicCheckTest {

    private final NewTopic bookingEvents = TopicProvisioner.desired(6, (short) 3).stream()
            .filter(topic -> topic.name().equals(Topics.BOOKING_EVENTS.name())).findFirst().orElseThrow();

    @Test
    void a_topic_as_desired_has_no_difference() {
        assertThat(TopicCheck.differences(bookingEvents, actual(6, 3, Map.of()))).isEmpty();
    }

    @Test
    void names_partitions_and_replication_factor_that_differ() {
        assertThat(TopicCheck.differences(bookingEvents, actual(3, 1, Map.of()))).containsExactly(
                "booking-events: 3 partitions, expected 6",
                "booking-events: replication factor 1, expected 3");
    }

    @Test
    void names_each_setting_that_differs_or_is_missing() {
        assertThat(TopicCheck.differences(bookingEvents, actual(6, 3, Map.of(
                "retention.ms", "604800000", "cleanup.policy", "compact", "min.insync.replicas", "1"))))
                .containsExactlyInAnyOrder(
                        "booking-events: retention.ms is 604800000, expected -1",
                        "booking-events: cleanup.policy is compact, expected delete",
                        "booking-events: min.insync.replicas is 1, expected 2");
    }

    @Test
    void desired_log_topics_keep_everything_forever_and_need_two_in_sync_copies_from_three_replicas() {
        assertThat(bookingEvents.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete").containsEntry("min.insync.replicas", "2");
        assertThat(TopicProvisioner.desired(6, (short) 1)).allSatisfy(
                topic -> assertThat(topic.configs()).containsEntry("min.insync.replicas", "1"));
    }

    // The cluster reports every setting, defaults included; the desired ones are laid over sample defaults.
    private ActualTopic actual(int partitions, int replicationFactor, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(Map.of("segment.bytes", "1073741824", "retention.ms", "604800000"));
        config.putAll(bookingEvents.configs());
        config.putAll(overrides);
        return new ActualTopic("booking-events", partitions, replicationFactor, config);
    }
}
