package org.eventbooking.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A seat's address in a venue: {@code <section>-<row>-<seat>}, for example {@code FLOOR-3-12}. */
public record SeatId(String section, int row, int number) {

    public static final String SECTION_NAME_PATTERN = "[A-Za-z0-9_]{1,32}";
    private static final Pattern FORMAT = Pattern.compile("(" + SECTION_NAME_PATTERN + ")-([1-9][0-9]{0,3})-([1-9][0-9]{0,3})");

    /** Parses a seat id; empty when the text is not of the form {@code SECTION-row-seat}. */
    public static Optional<SeatId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SeatId(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** The prefix every seat id of one row starts with, used for range scans over a row. */
    public static String rowPrefix(String section, int row) {
        return section + "-" + row + "-";
    }

    @Override
    public String toString() {
        return rowPrefix(section, row) + number;
    }
}
