package org.eventbooking.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void finds_metrics_inside_functions_and_aggregations() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket"
                + "{route=\"/api/events/{eventId}/holds\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void finds_both_sides_of_binary_operators_and_ignores_keywords_and_numbers() {
        assertThat(PromQlMetricNames.of("increase(a_total[5m]) > 0 or b_threads < 1e3 and on (instance) up == 0"))
                .containsExactly("a_total", "b_threads", "up");
    }

    @Test
    void ignores_label_values_and_grafana_variables() {
        assertThat(PromQlMetricNames.of("sum by (event_id) (booking_seats_total{event_id=~\"$event\", x=\"not_a_metric\"})"))
                .containsExactly("booking_seats_total");
    }
}
