package org.eventbooking.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.eventbooking.domain.RowOccupancy;
import org.junit.jupiter.api.Test;

class RowOccupancySerdeTest {

    @Property(tries = 300)
    void every_row_survives_the_round_trip(@ForAll @Size(max = 100) Set<@IntRange(min = 1, max = 1000) Integer> taken) {
        RowOccupancy row = RowOccupancy.EMPTY;
        for (int number : taken) {
            row = row.with(number, true);
        }
        assertThat(RowOccupancySerde.read(RowOccupancySerde.write(row))).isEqualTo(row);
    }

    @Test
    void a_row_of_one_hundred_seats_takes_sixteen_bytes() {
        assertThat(RowOccupancySerde.write(RowOccupancy.EMPTY.with(100, true))).hasSize(16);
    }

    @Test
    void a_row_count_of_the_older_format_is_refused_with_what_to_do() {
        assertThatThrownBy(() -> RowOccupancySerde.read(new byte[] {0, 0, 0, 42}))
                .hasMessageContaining("older version").hasMessageContaining("rebuild");
    }
}
