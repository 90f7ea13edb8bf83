package org.eventbooking.domain;

/** A block of seats of one price: {@code rows × seatsPerRow}; row 1 is the best row. */
public record Section(String name, long priceCents, int rows, int seatsPerRow) {

    public int capacity() {
        return rows * seatsPerRow;
    }

    public boolean contains(SeatId seat) {
        return seat.section().equals(name) && seat.row() <= rows && seat.number() <= seatsPerRow;
    }
}
