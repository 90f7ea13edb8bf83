package org.eventbooking.ops.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void is_the_contract_line_of_design_section_6() {
        ReadyLine line = new ReadyLine("http://127.0.0.1:8080",
                "jdbc:postgresql://127.0.0.1:5433/booking?user=booking&password=booking", "127.0.0.1:9092");

        assertThat(line.format()).isEqualTo("READY gateway=http://127.0.0.1:8080"
                + " postgres=jdbc:postgresql://127.0.0.1:5433/booking?user=booking&password=booking kafka=127.0.0.1:9092");
    }

    @Test
    void refuses_values_that_would_break_the_line_into_more_words() {
        assertThatThrownBy(() -> new ReadyLine("http://127.0.0.1:8080", "jdbc:postgresql://h/db?user=a b", "k:9092"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
