package org.eventbooking.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventbooking.domain.SeatState;
import org.junit.jupiter.api.Test;

class SeatStateSerdeTest {

    @Test
    void every_seat_state_survives_the_round_trip() {
        for (SeatState seat : new SeatState[] {SeatState.AVAILABLE, SeatState.held("e-1.b0ok"), SeatState.sold("e-1.bøøk")}) {
            assertThat(SeatStateSerde.read(SeatStateSerde.write(seat))).isEqualTo(seat);
        }
    }

    @Test
    void a_value_that_is_not_a_seat_state_is_refused_with_the_reason() {
        assertThatThrownBy(() -> SeatStateSerde.read(new byte[0])).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> SeatStateSerde.read(new byte[] {42})).hasMessageContaining("not a seat state");
    }
}
