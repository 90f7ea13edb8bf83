package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.ALICE;
import static org.eventbooking.domain.DomainFixtures.BOB;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.FLOOR;
import static org.eventbooking.domain.DomainFixtures.createEvent;
import static org.eventbooking.domain.DomainFixtures.holdBest;
import static org.eventbooking.domain.DomainFixtures.holdSeats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.event.SeatsHeld;
import org.junit.jupiter.api.Test;

/** The best-available seat picker: front row first, adjacent and centred, else the fewest front-most rows. */
class BestAvailableTest {

    private static final Section BOX = new Section("BOX", 1_000, 3, 4);
    private static final Section WIDE = new Section("WIDE", 1_000, 3, 8);
    private static final Section PAIR = new Section("PAIR", 1_000, 2, 8);
    private static final Section TINY = new Section("TINY", 1_000, 1, 3);

    private final Engine engine = new Engine(BookingDecider.withContractLimits());
    private int occupied;

    BestAvailableTest() {
        engine.accept(createEvent(EVENT_ID, FLOOR, BOX, WIDE, PAIR, TINY));
    }

    /** Someone else holds these seats. */
    private void occupy(String... seats) {
        engine.accept(holdSeats(BOB, "taken-" + ++occupied, seats));
    }

    private List<String> pick(Section section, int quantity) {
        Optional<List<SeatId>> seats = BestAvailable.pick(engine.tables(), EVENT_ID, section, quantity);
        assertThat(seats).as("seats for %d in %s", quantity, section.name()).isPresent();
        return seats.get().stream().map(SeatId::toString).toList();
    }

    @Test
    void picks_the_centre_of_the_front_row_in_an_empty_section() {
        assertThat(pick(FLOOR, 2)).containsExactly("FLOOR-1-5", "FLOOR-1-6");
        assertThat(pick(FLOOR, 4)).containsExactly("FLOOR-1-4", "FLOOR-1-5", "FLOOR-1-6", "FLOOR-1-7");
    }

    @Test
    void breaks_a_tie_between_equally_centred_runs_towards_seat_one() {
        assertThat(pick(FLOOR, 3)).containsExactly("FLOOR-1-4", "FLOOR-1-5", "FLOOR-1-6");
        assertThat(pick(FLOOR, 1)).containsExactly("FLOOR-1-5");
    }

    @Test
    void prefers_the_front_row_over_centred_seats_further_back() {
        occupy("FLOOR-1-5", "FLOOR-1-6");

        assertThat(pick(FLOOR, 2)).containsExactly("FLOOR-1-3", "FLOOR-1-4");
    }

    @Test
    void picks_the_adjacent_run_nearest_the_row_centre() {
        occupy("FLOOR-1-4", "FLOOR-1-5", "FLOOR-1-6");

        assertThat(pick(FLOOR, 2)).containsExactly("FLOOR-1-7", "FLOOR-1-8");
        assertThat(pick(FLOOR, 3)).containsExactly("FLOOR-1-7", "FLOOR-1-8", "FLOOR-1-9");
    }

    @Test
    void skips_a_row_whose_free_seats_are_not_side_by_side() {
        occupy("FLOOR-1-2", "FLOOR-1-4", "FLOOR-1-6", "FLOOR-1-8", "FLOOR-1-10");

        assertThat(pick(FLOOR, 2)).containsExactly("FLOOR-2-5", "FLOOR-2-6");
        assertThat(pick(FLOOR, 1)).containsExactly("FLOOR-1-5");
    }

    @Test
    void skips_a_full_row() {
        occupy("FLOOR-1-1", "FLOOR-1-2", "FLOOR-1-3", "FLOOR-1-4", "FLOOR-1-5");
        occupy("FLOOR-1-6", "FLOOR-1-7", "FLOOR-1-8", "FLOOR-1-9", "FLOOR-1-10");

        assertThat(pick(FLOOR, 1)).containsExactly("FLOOR-2-5");
    }

    @Test
    void splits_over_front_rows_centre_first_when_no_row_has_enough_side_by_side() {
        occupy("BOX-1-2", "BOX-1-4", "BOX-2-1", "BOX-2-3", "BOX-3-2", "BOX-3-3");

        assertThat(pick(BOX, 3)).containsExactly("BOX-1-3", "BOX-1-1", "BOX-2-2");
    }

    @Test
    void splits_within_one_row_rather_than_over_two() {
        occupy("PAIR-1-1", "PAIR-1-2", "PAIR-1-3", "PAIR-1-5", "PAIR-1-6", "PAIR-1-7", "PAIR-1-8");
        occupy("PAIR-2-2", "PAIR-2-4", "PAIR-2-6", "PAIR-2-8");

        // row 1 has 1 free seat, row 2 has 4, none side by side: all 4 fit in row 2.
        assertThat(pick(PAIR, 4)).containsExactlyInAnyOrder("PAIR-2-1", "PAIR-2-3", "PAIR-2-5", "PAIR-2-7");
    }

    @Test
    void splits_over_the_fewest_rows_and_of_those_the_front_most() {
        occupy("WIDE-1-1", "WIDE-1-2", "WIDE-1-3", "WIDE-1-5", "WIDE-1-6", "WIDE-1-7", "WIDE-1-8");
        occupy("WIDE-2-1", "WIDE-2-3", "WIDE-2-4", "WIDE-2-5", "WIDE-2-6", "WIDE-2-8");
        occupy("WIDE-3-2", "WIDE-3-4", "WIDE-3-6", "WIDE-3-7", "WIDE-3-8");

        // free: row 1 has 1 seat, row 2 has 2 and row 3 has 3, none side by side: 5 seats fit in rows 2 and 3.
        assertThat(pick(WIDE, 5)).containsExactlyInAnyOrder("WIDE-2-2", "WIDE-2-7", "WIDE-3-1", "WIDE-3-3", "WIDE-3-5");
    }

    @Test
    void holds_best_available_split_through_decide() {
        occupy("TINY-1-2");

        SeatsHeld held = (SeatsHeld) engine.accept(holdBest(ALICE, "b-1", "TINY", 2)).get(0);

        assertThat(held.seats()).containsExactly("TINY-1-1", "TINY-1-3");
        assertThat(held.totalCents()).isEqualTo(2_000);
    }

    @Test
    void rejects_best_available_when_the_section_has_fewer_seats_left() {
        occupy("TINY-1-2");

        Rejection rejection = engine.reject(holdBest(ALICE, "b-1", "TINY", 3));

        assertThat(rejection.reason()).isEqualTo(RejectionReason.SEATS_UNAVAILABLE);
        assertThat(rejection.seats()).isEmpty();
        assertThat(BestAvailable.pick(engine.tables(), EVENT_ID, TINY, 3)).isEmpty();
    }

    /**
     * Against a brute-force oracle on small sections: the picked seats are free and distinct; when
     * a row has {@code quantity} free seats side by side they are the front-most such row's; else
     * the rows used are the fewest possible and, of those, the front-most set.
     */
    @Property(tries = 300)
    void best_available_agrees_with_a_brute_force_oracle(
            @ForAll @IntRange(min = 1, max = 4) int rows,
            @ForAll @IntRange(min = 1, max = 6) int seatsPerRow,
            @ForAll @Size(max = 24) List<@IntRange(min = 0, max = 23) Integer> takenCells,
            @ForAll @IntRange(min = 1, max = 8) int quantity) {
        Section section = new Section("S", 100, rows, seatsPerRow);
        Engine small = new Engine(BookingDecider.withContractLimits());
        small.accept(createEvent(EVENT_ID, null, 100, section));
        String[] taken = takenCells.stream().filter(cell -> cell < section.capacity()).distinct()
                .map(cell -> "S-" + (cell / seatsPerRow + 1) + "-" + (cell % seatsPerRow + 1)).toArray(String[]::new);
        if (taken.length > 0) {
            small.accept(holdSeats(BOB, "taken", taken));
        }
        int free = section.capacity() - taken.length;

        Optional<List<SeatId>> picked = BestAvailable.pick(small.tables(), EVENT_ID, section, quantity);

        assertThat(picked.isPresent()).as("picked %s with %d free", picked, free).isEqualTo(free >= quantity);
        if (picked.isEmpty()) {
            return;
        }
        List<SeatId> seats = picked.get();
        assertThat(seats).hasSize(quantity).doesNotHaveDuplicates()
                .allSatisfy(seat -> assertThat(small.tables().seat(EVENT_ID, seat).isAvailable()).isTrue())
                .allSatisfy(seat -> assertThat(section.contains(seat)).isTrue());
        Set<Integer> rowsUsed = seats.stream().map(SeatId::row).collect(Collectors.toCollection(TreeSet::new));
        Optional<Integer> adjacentRow = IntStream.rangeClosed(1, rows).boxed()
                .filter(row -> longestFreeRun(small, section, row) >= quantity).findFirst();
        if (adjacentRow.isPresent()) {
            assertThat(rowsUsed).containsExactly(adjacentRow.get());
            List<Integer> numbers = seats.stream().map(SeatId::number).sorted().toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(quantity - 1);
        } else {
            assertThat(new ArrayList<>(rowsUsed)).isEqualTo(fewestFrontMostRows(small, section, quantity));
        }
    }

    private static int longestFreeRun(Engine engine, Section section, int row) {
        int longest = 0;
        int run = 0;
        for (int number = 1; number <= section.seatsPerRow(); number++) {
            run = engine.tables().seat(EVENT_ID, new SeatId(section.name(), row, number)).isAvailable() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Every subset of rows with room for {@code quantity}: the smallest, then the front-most (lexicographic). */
    private static List<Integer> fewestFrontMostRows(Engine engine, Section section, int quantity) {
        Comparator<List<Integer>> fewestThenFrontMost = Comparator.<List<Integer>>comparingInt(List::size).thenComparing((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = Integer.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        return IntStream.range(1, 1 << section.rows())
                .mapToObj(mask -> IntStream.rangeClosed(1, section.rows()).filter(row -> (mask & 1 << (row - 1)) != 0).boxed().toList())
                .filter(rowSet -> rowSet.stream().mapToInt(row -> engine.tables().availableInRow(EVENT_ID, section, row)).sum() >= quantity)
                .min(fewestThenFrontMost).orElseThrow();
    }
}
