package org.eventbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HotEventWorkloadTest {

    private final HotEventWorkload workload = new HotEventWorkload(1_000_000);

    @Test
    void venue_is_whole_sections_covering_the_seats_asked_for() {
        assertThat(workload.sections()).isEqualTo(4);
        assertThat(workload.capacity()).isEqualTo(1_000_000);
        assertThat(new HotEventWorkload(250_001).sections()).isEqualTo(2);
    }

    @Test
    void every_hold_is_two_adjacent_seats_of_one_row_inside_the_venue() {
        for (HotEventWorkload.Hold hold : workload.holds(20_000)) {
            String[] first = hold.seats().get(0).split("-");
            String[] second = hold.seats().get(1).split("-");
            assertThat(second[0]).isEqualTo(first[0]);
            assertThat(second[1]).isEqualTo(first[1]);
            assertThat(Integer.parseInt(second[2])).isEqualTo(Integer.parseInt(first[2]) + 1);
            assertThat(Integer.parseInt(first[0].substring(1))).isBetween(1, workload.sections());
            assertThat(Integer.parseInt(first[1])).isBetween(1, HotEventWorkload.ROWS);
            assertThat(Integer.parseInt(second[2])).isBetween(2, HotEventWorkload.SEATS_PER_ROW);
        }
    }

    @Test
    void the_same_holds_on_every_call_so_engine_and_baseline_decide_the_same_workload() {
        List<HotEventWorkload.Hold> once = workload.holds(1_000);
        assertThat(workload.holds(2_000).subList(0, 1_000)).isEqualTo(once);
        assertThat(once.get(42).bookingId()).isEqualTo("booking-42");
    }

    @Test
    void some_holds_collide_as_on_a_hot_event() {
        long distinctSeats = workload.holds(100_000).stream().flatMap(h -> h.seats().stream()).distinct().count();
        assertThat(distinctSeats).isLessThan(200_000);
    }
}
