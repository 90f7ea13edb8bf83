package org.eventbooking.domain;

import java.util.Optional;

/** A seat's address in a venue: {@code <section>-<row>-<seat>}, for example {@code FLOOR-3-12}. */
public record SeatId(String section, int row, int number) {

    public static final String SECTION_NAME_PATTERN = "[A-Za-z0-9_]{1,32}";
    private static final int MAX_SECTION_NAME_LENGTH = 32;
    private static final int MAX_NUMBER_DIGITS = 4;

    /**
     * Parses a seat id; empty when the text is not of the form {@code SECTION-row-seat}, with the
     * section as {@link #SECTION_NAME_PATTERN} and row and seat as {@code [1-9][0-9]{0,3}}. By hand,
     * not with a regular expression: every hold parses each seat twice, and the matcher was a
     * measurable share of the engine's time.
     */
    public static Optional<SeatId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int firstDash = text.indexOf('-');
        int secondDash = firstDash < 0 ? -1 : text.indexOf('-', firstDash + 1);
        if (secondDash < 0 || !isSectionName(text, firstDash)) {
            return Optional.empty();
        }
        int row = number(text, firstDash + 1, secondDash);
        int seat = number(text, secondDash + 1, text.length());
        return row < 0 || seat < 0 ? Optional.empty() : Optional.of(new SeatId(text.substring(0, firstDash), row, seat));
    }

    private static boolean isSectionName(String text, int end) {
        if (end < 1 || end > MAX_SECTION_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The number {@code [1-9][0-9]{0,3}} between {@code from} and {@code to}; -1 when it is not one. */
    private static int number(String text, int from, int to) {
        if (to - from < 1 || to - from > MAX_NUMBER_DIGITS || text.charAt(from) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
