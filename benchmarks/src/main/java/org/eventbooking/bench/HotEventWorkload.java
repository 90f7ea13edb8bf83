package org.eventbooking.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hot-event workload shared by the engine and the PostgreSQL baseline, so both decide the same
 * holds: sections of 500 rows x 500 seats, each hold 2 adjacent seats at a random place (fixed
 * seed), so some holds collide with earlier ones and are refused.
 */
public final class HotEventWorkload {

    public static final int ROWS = 500;
    public static final int SEATS_PER_ROW = 500;
    public static final int SEATS_PER_SECTION = ROWS * SEATS_PER_ROW;
    private static final long SEED = 7;
    private static final int USERS = 100_000;

    /** One hold: its index (ids derive from it), the customer and the two seat ids. */
    public record Hold(int index, String userId, List<String> seats) {

        public String bookingId() {
            return "booking-" + index;
        }

        public String section() {
            String seat = seats.get(0);
            return seat.substring(0, seat.indexOf('-'));
        }
    }

    private final int sections;

    /** The smallest venue of whole sections with at least {@code seats} seats. */
    public HotEventWorkload(int seats) {
        if (seats < 1) {
            throw new IllegalArgumentException("a hot event needs seats, got " + seats);
        }
        this.sections = (seats + SEATS_PER_SECTION - 1) / SEATS_PER_SECTION;
    }

    public int sections() {
        return sections;
    }

    public int capacity() {
        return sections * SEATS_PER_SECTION;
    }

    public static String sectionName(int section) {
        return "S" + section;
    }

    /** The first {@code count} holds; the same on every call. */
    public List<Hold> holds(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Hold> holds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String section = sectionName(1 + random.nextInt(sections));
            int row = 1 + random.nextInt(ROWS);
            int seat = 1 + random.nextInt(SEATS_PER_ROW - 1);
            String prefix = section + "-" + row + "-";
            holds.add(new Hold(i, "user-" + random.nextInt(USERS), List.of(prefix + seat, prefix + (seat + 1))));
        }
        return holds;
    }
}
