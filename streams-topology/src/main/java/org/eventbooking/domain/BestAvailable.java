package org.eventbooking.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Picks the best available seats of a section: the front-most row that has {@code quantity} free
 * seats side by side, the run closest to the row's centre; else the fewest, front-most rows.
 */
final class BestAvailable {

    private BestAvailable() {
    }

    static Optional<List<SeatId>> pick(BookingState state, String eventId, Section section, int quantity) {
        List<Integer> rowsWithRoom = new ArrayList<>();
        for (int row = 1; row <= section.rows(); row++) {
            int available = state.availableInRow(eventId, section, row);
            if (available >= quantity) {
                Optional<List<SeatId>> adjacent = adjacentRun(state, eventId, section, row, quantity);
                if (adjacent.isPresent()) {
                    return adjacent;
                }
            }
            if (available > 0) {
                rowsWithRoom.add(row);
            }
        }
        return split(state, eventId, section, rowsWithRoom, quantity);
    }

    private static Optional<List<SeatId>> adjacentRun(BookingState state, String eventId, Section section, int row, int quantity) {
        RowOccupancy taken = state.rowOccupancy(eventId, section.name(), row);
        double rowCentre = (section.seatsPerRow() + 1) / 2.0;
        int bestStart = -1;
        double bestDistance = Double.MAX_VALUE;
        int runLength = 0;
        for (int number = 1; number <= section.seatsPerRow(); number++) {
            runLength = taken.isTaken(number) ? 0 : runLength + 1;
            if (runLength >= quantity) {
                int start = number - quantity + 1;
                double distance = Math.abs(start + (quantity - 1) / 2.0 - rowCentre);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    bestStart = start;
                }
            }
        }
        if (bestStart < 0) {
            return Optional.empty();
        }
        int first = bestStart;
        return Optional.of(IntStream.range(first, first + quantity)
                .mapToObj(number -> new SeatId(section.name(), row, number)).toList());
    }

    private static Optional<List<SeatId>> split(BookingState state, String eventId, Section section, List<Integer> rows, int quantity) {
        double rowCentre = (section.seatsPerRow() + 1) / 2.0;
        List<SeatId> picked = new ArrayList<>(quantity);
        for (int row : fewestFrontMostRows(state, eventId, section, rows, quantity)) {
            RowOccupancy taken = state.rowOccupancy(eventId, section.name(), row);
            int currentRow = row;
            IntStream.rangeClosed(1, section.seatsPerRow())
                    .filter(number -> !taken.isTaken(number))
                    .boxed()
                    .sorted(Comparator.comparingDouble(number -> Math.abs(number - rowCentre)))
                    .limit(quantity - picked.size())
                    .forEach(number -> picked.add(new SeatId(section.name(), currentRow, number)));
            if (picked.size() == quantity) {
                return Optional.of(picked);
            }
        }
        return Optional.empty();
    }

    /**
     * The fewest of {@code rows} whose free seats add up to {@code quantity} and, of all such sets,
     * the one with the front-most rows: a row is taken when the rows behind it can still complete
     * the set without needing more rows. Empty when all rows together have too few seats.
     */
    private static List<Integer> fewestFrontMostRows(BookingState state, String eventId, Section section, List<Integer> rows, int quantity) {
        List<Integer> free = rows.stream().map(row -> state.availableInRow(eventId, section, row)).toList();
        int needed = rowsNeeded(free, quantity);
        List<Integer> chosen = new ArrayList<>();
        int missing = quantity;
        for (int i = 0; i < rows.size() && missing > 0 && needed > 0; i++) {
            int behind = rowsNeeded(free.subList(i + 1, free.size()), missing - free.get(i));
            if (behind >= 0 && chosen.size() + 1 + behind <= needed) {
                chosen.add(rows.get(i));
                missing -= free.get(i);
            }
        }
        return chosen;
    }

    /** How many of these rows, largest first, it takes to seat {@code quantity}; -1 when they cannot. */
    private static int rowsNeeded(List<Integer> free, int quantity) {
        List<Integer> largestFirst = free.stream().sorted(Comparator.reverseOrder()).toList();
        int seats = 0;
        int count = 0;
        while (seats < quantity) {
            if (count == largestFirst.size()) {
                return -1;
            }
            seats += largestFirst.get(count++);
        }
        return count;
    }
}
