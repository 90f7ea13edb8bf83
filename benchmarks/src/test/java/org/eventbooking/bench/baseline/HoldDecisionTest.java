package org.eventbooking.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldDecisionTest {

    @Test
    void holds_when_every_seat_is_available() {
        assertThat(HoldDecision.decide(List.of("S1-1-1", "S1-1-2"), Map.of("S1-1-1", "AVAILABLE", "S1-1-2", "AVAILABLE")))
                .isEqualTo(HoldDecision.HELD);
    }

    @Test
    void refuses_when_any_seat_is_taken() {
        assertThat(HoldDecision.decide(List.of("S1-1-1", "S1-1-2"), Map.of("S1-1-1", "AVAILABLE", "S1-1-2", "HELD")))
                .isEqualTo(HoldDecision.SEAT_TAKEN);
    }

    @Test
    void refuses_a_seat_that_has_no_row() {
        assertThat(HoldDecision.decide(List.of("S1-1-1", "S9-1-1"), Map.of("S1-1-1", "AVAILABLE")))
                .isEqualTo(HoldDecision.UNKNOWN_SEAT);
    }

    @Test
    void refuses_a_seat_asked_for_twice() {
        assertThat(HoldDecision.decide(List.of("S1-1-1", "S1-1-1"), Map.of("S1-1-1", "AVAILABLE")))
                .isEqualTo(HoldDecision.DUPLICATE_SEAT);
    }

    @Test
    void locks_seats_in_one_order_whatever_order_they_were_asked_in() {
        assertThat(HoldDecision.lockOrder(List.of("S1-10-2", "S1-10-1"))).containsExactly("S1-10-1", "S1-10-2");
        assertThat(HoldDecision.lockOrder(List.of("S1-10-1", "S1-10-2"))).containsExactly("S1-10-1", "S1-10-2");
    }
}
