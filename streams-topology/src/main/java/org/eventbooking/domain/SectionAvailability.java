package org.eventbooking.domain;

/** Seat counts of one section; {@code available + held + sold == total} always. */
public record SectionAvailability(String section, int total, int available, int held, int sold) {

    public static SectionAvailability empty(Section section) {
        return new SectionAvailability(section.name(), section.capacity(), section.capacity(), 0, 0);
    }

    /** The counts after one seat moved from {@code from} to {@code to}. */
    public SectionAvailability moved(SeatStatus from, SeatStatus to) {
        return new SectionAvailability(section, total,
                available + delta(SeatStatus.AVAILABLE, from, to),
                held + delta(SeatStatus.HELD, from, to),
                sold + delta(SeatStatus.SOLD, from, to));
    }

    private static int delta(SeatStatus counted, SeatStatus from, SeatStatus to) {
        return (to == counted ? 1 : 0) - (from == counted ? 1 : 0);
    }
}
