package org.eventbooking.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    private static final long MILLIS_40 = Duration.ofMillis(40).toNanos();

    private final GatewayMetrics metrics = new GatewayMetrics();

    @Test
    void requests_are_counted_by_method_route_template_and_status() {
        metrics.recordRequest("GET", "/api/events/{eventId}", 200, MILLIS_40);
        metrics.recordRequest("GET", "/api/events/{eventId}", 200, MILLIS_40);
        metrics.recordRequest("POST", "/api/events/{eventId}/holds", 409, MILLIS_40);

        assertThat(metrics.scrape())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/events/{eventId}\",status=\"200\"} 2")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/events/{eventId}\",status=\"200\",le=\"0.025\"} 0")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/events/{eventId}\",status=\"200\",le=\"0.05\"} 2")
                .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/events/{eventId}/holds\",status=\"409\"} 1");
    }

    @Test
    void a_request_without_a_route_is_labelled_unmatched() {
        metrics.recordRequest("GET", null, 404, MILLIS_40);
        metrics.recordRequest("GET", "", 404, MILLIS_40);

        assertThat(metrics.scrape())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 2");
    }

    @Test
    void hold_outcomes_start_at_zero_and_count_up() {
        metrics.holdOutcome("held");
        metrics.holdOutcome("held");
        metrics.holdOutcome("rate_limited");

        assertThat(metrics.scrape())
                .contains("booking_hold_outcomes_total{outcome=\"held\"} 2.0")
                .contains("booking_hold_outcomes_total{outcome=\"rate_limited\"} 1.0")
                .contains("booking_hold_outcomes_total{outcome=\"timeout\"} 0.0");
    }

    @Test
    void an_unknown_hold_outcome_is_a_programming_error() {
        assertThatThrownBy(() -> metrics.holdOutcome("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redis_failures_are_counted_and_flip_the_up_gauge_until_recovery() {
        assertThat(metrics.scrape()).contains("booking_redis_up 1.0");

        metrics.redisUnavailable("rate_limit");
        assertThat(metrics.scrape())
                .contains("booking_redis_unavailable_total{operation=\"rate_limit\"} 1.0")
                .contains("booking_redis_up 0.0");

        metrics.redisRecovered();
        assertThat(metrics.scrape()).contains("booking_redis_up 1.0");
    }

    @Test
    void command_replies_are_timed_in_seconds() {
        metrics.commandReply(Duration.ofMillis(120).toNanos());

        assertThat(metrics.scrape())
                .contains("booking_command_reply_seconds_count 1")
                .contains("booking_command_reply_seconds_sum 0.12")
                .contains("booking_command_reply_seconds_bucket{le=\"0.1\"} 0")
                .contains("booking_command_reply_seconds_bucket{le=\"0.25\"} 1");
    }

    @Test
    void exactly_one_streams_state_is_current() {
        metrics.streamsState("REBALANCING");
        metrics.streamsState("RUNNING");

        assertThat(metrics.scrape())
                .contains("booking_streams_state{state=\"RUNNING\"} 1.0")
                .contains("booking_streams_state{state=\"REBALANCING\"} 0.0")
                .contains("booking_streams_state{state=\"CREATED\"} 0.0")
                .contains("booking_streams_state{state=\"ERROR\"} 0.0");
    }

    @Test
    void jvm_metrics_are_exposed() {
        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes").contains("jvm_threads_current");
    }

    @Test
    void two_instances_do_not_share_series() {
        GatewayMetrics other = new GatewayMetrics();

        metrics.holdOutcome("held");
        other.redisUnavailable("idempotency");

        assertThat(metrics.scrape())
                .contains("booking_hold_outcomes_total{outcome=\"held\"} 1.0")
                .doesNotContain("operation=\"idempotency\"");
        assertThat(other.scrape())
                .contains("booking_hold_outcomes_total{outcome=\"held\"} 0.0")
                .contains("booking_redis_unavailable_total{operation=\"idempotency\"} 1.0");
    }

    @Test
    void content_type_is_text_format_0_0_4() {
        assertThat(GatewayMetrics.CONTENT_TYPE).startsWith("text/plain; version=0.0.4");
    }
}
