package org.eventbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long START = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void counts_each_second_up_to_the_last_with_anything_in_it() {
        Timeline timeline = new Timeline("engine", START);
        timeline.count(START + 100, 5);
        timeline.count(START + 2 * SECOND + 1, 7);
        timeline.count(START - 1, 1_000);

        List<Timeline.Point> points = timeline.points();

        assertThat(points).extracting(Timeline.Point::completed).containsExactly(5L, 0L, 7L);
        assertThat(points.get(0).p50Ms()).isNaN();
    }

    @Test
    void latency_percentiles_per_second() {
        Timeline timeline = new Timeline("crowd", START);
        for (int ms = 1; ms <= 100; ms++) {
            timeline.completed(START + SECOND / 2, ms * 1_000_000L);
        }

        Timeline.Point point = timeline.points().get(0);

        assertThat(point.completed()).isEqualTo(100);
        assertThat(point.p50Ms()).isBetween(49.0, 51.0);
        assertThat(point.p99Ms()).isBetween(98.0, 100.0);
    }

    @Test
    void a_renamed_timeline_shares_the_seconds() {
        Timeline timeline = new Timeline("a", START);
        timeline.count(START, 3);

        Timeline renamed = timeline.named("b");

        assertThat(renamed.name()).isEqualTo("b");
        assertThat(renamed.points()).isEqualTo(timeline.points());
    }
}
