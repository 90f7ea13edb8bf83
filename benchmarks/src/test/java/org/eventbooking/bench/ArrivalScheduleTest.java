package org.eventbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void rampsUpToTheRateThenHoldsIt() {
        ArrivalSchedule schedule = new ArrivalSchedule(1000, 10 * SECOND, 30 * SECOND);

        assertThat(schedule.warmupRequests()).isEqualTo(5_000);
        assertThat(schedule.totalRequests()).isEqualTo(35_000);
        // Half-way through the ramp a quarter of its requests are due, at half the rate.
        assertThat(schedule.dueNanos(1_250)).isEqualTo(5 * SECOND);
        long halfWayGap = schedule.dueNanos(1_251) - schedule.dueNanos(1_250);
        assertThat(halfWayGap).isBetween(1_999_000L, 2_001_000L);
        assertThat(schedule.dueNanos(5_000)).isEqualTo(10 * SECOND);
        assertThat(schedule.dueNanos(5_001) - schedule.dueNanos(5_000)).isEqualTo(1_000_000L);
        assertThat(schedule.dueNanos(34_999)).isEqualTo(10 * SECOND + 29_999_000_000L);
    }

    @Test
    void withoutWarmUpEveryRequestIsAtTheRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(2000, 0, 5 * SECOND);

        assertThat(schedule.totalRequests()).isEqualTo(10_000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(500_000L);
    }

    @Property
    void dueTimesNeverGoBackAndEndWithinTheRun(@ForAll @IntRange(min = 1, max = 5000) int rate,
                                               @ForAll @IntRange(min = 0, max = 120) int warmupSeconds,
                                               @ForAll @IntRange(min = 1, max = 60) int seconds) {
        ArrivalSchedule schedule = new ArrivalSchedule(rate, warmupSeconds * SECOND, seconds * SECOND);
        long total = schedule.totalRequests();
        long step = Math.max(1, total / 500);
        long previous = -1;
        for (long i = 0; i < total; i += step) {
            long due = schedule.dueNanos(i);
            assertThat(due).isGreaterThanOrEqualTo(previous);
            previous = due;
        }
        assertThat(schedule.dueNanos(total - 1)).isLessThan((warmupSeconds + seconds) * SECOND);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, SECOND, SECOND)).isInstanceOf(IllegalArgumentException.class);
    }
}
