package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seat ids {@code <section>-<row>-<seat>} (DESIGN §4). */
class SeatIdTest {

    @Test
    void parses_section_row_and_seat() {
        assertThat(SeatId.parse("FLOOR-3-12")).contains(new SeatId("FLOOR", 3, 12));
    }

    @Test
    void formats_as_section_row_seat() {
        assertThat(new SeatId("FLOOR", 3, 12)).hasToString("FLOOR-3-12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"floor-1-1", "Upper_Tier_2-10-1", "A-1000-1000", "_-1-1", "B2-9999-9999",
        "SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS-1-1"})
    void accepts_section_names_of_letters_digits_and_underscores_in_either_case(String text) {
        assertThat(SeatId.parse(text)).map(SeatId::toString).contains(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"FLOOR-0-1", "FLOOR-1-0", "FLOOR-1", "-1-1", "FLOOR--1-1", "FLOOR-01-1", "FLOOR-1-01", "FLOOR-1-1-1",
        "FLOOR-10000-1", "FLOOR-1-10000", "FLOOR-a-1", "FLO OR-1-1", " FLOOR-1-1", "FLOOR-1-1 ", "FLOÖR-1-1", "FLOOR/1/1", "FLOOR-+1-1"})
    void rejects_malformed_seat_id(String text) {
        assertThat(SeatId.parse(text)).isEmpty();
    }

    @Test
    void rejects_section_name_of_33_characters() {
        assertThat(SeatId.parse("S".repeat(33) + "-1-1")).isEmpty();
    }

    @Test
    void row_prefix_matches_the_seats_of_that_row_only() {
        String prefix = SeatId.rowPrefix("FLOOR", 1);

        assertThat(prefix).isEqualTo("FLOOR-1-");
        assertThat(new SeatId("FLOOR", 1, 7).toString()).startsWith(prefix);
        assertThat(new SeatId("FLOOR", 10, 7).toString()).doesNotStartWith(prefix);
        assertThat(new SeatId("FLOOR2", 1, 7).toString()).doesNotStartWith(prefix);
    }

    @Property(tries = 300)
    void format_then_parse_is_the_identity(
            @ForAll @AlphaChars @NumericChars @Chars('_') @StringLength(min = 1, max = 32) String section,
            @ForAll @IntRange(min = 1, max = 9999) int row,
            @ForAll @IntRange(min = 1, max = 9999) int number) {
        SeatId seat = new SeatId(section, row, number);

        assertThat(SeatId.parse(seat.toString())).contains(seat);
    }
}
