package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The row bitmap against the obvious model: a sorted set of taken seat numbers. */
class RowOccupancyProperties {

    /** Take ({@code taken} true) or free seat {@code number}. */
    record Change(int number, boolean taken) {
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        // Rows of up to 1,000 seats (the largest a section may have); numbers bunch in a small
        // range half of the time so that seats are taken, freed and taken again.
        Arbitrary<Integer> number = Arbitraries.oneOf(Arbitraries.integers().between(1, 1000), Arbitraries.integers().between(60, 70));
        return Combinators.combine(number, Arbitraries.of(true, false)).as(Change::new).list().ofMaxSize(200);
    }

    @Property(tries = 500)
    void a_row_answers_as_the_set_of_its_taken_seats(@ForAll("changes") List<Change> changes) {
        RowOccupancy row = RowOccupancy.EMPTY;
        TreeSet<Integer> model = new TreeSet<>();
        for (Change change : changes) {
            row = row.with(change.number(), change.taken());
            if (change.taken()) {
                model.add(change.number());
            } else {
                model.remove(change.number());
            }
        }
        for (int number = 1; number <= 1100; number++) {
            assertThat(row.isTaken(number)).as("seat %d", number).isEqualTo(model.contains(number));
        }
        assertThat(row.taken()).isEqualTo(model.size());
        assertThat(row.isEmpty()).isEqualTo(model.isEmpty());
        assertThat(row).isEqualTo(fromScratch(model)).hasSameHashCodeAs(fromScratch(model));
        assertThat(row.toString()).isEqualTo(fromScratch(model).toString());
    }

    @Property(tries = 300)
    void words_give_back_the_same_row(@ForAll("changes") List<Change> changes) {
        RowOccupancy row = RowOccupancy.EMPTY;
        for (Change change : changes) {
            row = row.with(change.number(), change.taken());
        }
        assertThat(RowOccupancy.ofWords(row.words())).isEqualTo(row).hasToString(row.toString());
    }

    @Property(tries = 200)
    void rows_differ_when_their_seats_differ(@ForAll @IntRange(min = 1, max = 1000) int number) {
        RowOccupancy one = RowOccupancy.EMPTY.with(number, true);
        assertThat(one).isNotEqualTo(RowOccupancy.EMPTY);
        assertThat(one.with(number, false)).isEqualTo(RowOccupancy.EMPTY).hasToString("RowOccupancy[]");
        assertThat(one).hasToString("RowOccupancy[" + number + "]");
    }

    @Example
    void lists_taken_seats_as_ranges() {
        RowOccupancy row = fromScratch(new TreeSet<>(List.of(1, 2, 3, 7, 64, 65, 100)));
        assertThat(row).hasToString("RowOccupancy[1-3,7,64-65,100]");
        assertThat(row.taken()).isEqualTo(7);
    }

    @Example
    void trailing_empty_words_do_not_make_another_row() {
        assertThat(RowOccupancy.ofWords(new long[] {5L, 0L, 0L})).isEqualTo(RowOccupancy.ofWords(new long[] {5L}));
        assertThat(RowOccupancy.ofWords(new long[] {0L})).isEqualTo(RowOccupancy.EMPTY);
    }

    @Example
    void seat_numbers_start_at_one() {
        assertThatThrownBy(() -> RowOccupancy.EMPTY.with(0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The row built seat by seat in ascending order, whatever history led to the set. */
    private static RowOccupancy fromScratch(TreeSet<Integer> taken) {
        RowOccupancy row = RowOccupancy.EMPTY;
        for (int number : taken) {
            row = row.with(number, true);
        }
        return row;
    }
}
