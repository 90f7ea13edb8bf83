package org.eventbooking.domain;

import java.util.Arrays;

/**
 * Which seats of one row are taken (held or sold): seat {@code n} is bit {@code n - 1}. Immutable.
 * Best-available picks seats from it and a hold checks its seats against it, so both read one
 * small value per row instead of scanning the row's seats.
 *
 * <p>Equal rows have equal words (trailing empty words are dropped), so equality and
 * {@link #toString()} depend only on which seats are taken, never on the order they changed in:
 * a replayed row and a live one agree.
 */
public final class RowOccupancy {

    public static final RowOccupancy EMPTY = new RowOccupancy(new long[0]);

    private final long[] words;
    private final int taken;

    private RowOccupancy(long[] words) {
        this.words = words;
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        this.taken = count;
    }

    /** The row whose taken seats are the set bits of {@code words}, seat 1 being bit 0 of the first word. */
    public static RowOccupancy ofWords(long[] words) {
        return new RowOccupancy(trimmed(words.clone()));
    }

    /** The words of the bitmap, without trailing empty ones; a copy. */
    public long[] words() {
        return words.clone();
    }

    public boolean isTaken(int number) {
        int bit = number - 1;
        int word = bit >>> 6;
        return word < words.length && (words[word] & (1L << bit)) != 0;
    }

    /** How many seats are taken. */
    public int taken() {
        return taken;
    }

    public boolean isEmpty() {
        return taken == 0;
    }

    /** This row with seat {@code number} taken, or freed when {@code taken} is false. */
    public RowOccupancy with(int number, boolean taken) {
        if (number < 1) {
            throw new IllegalArgumentException("seat numbers start at 1, not " + number);
        }
        if (isTaken(number) == taken) {
            return this;
        }
        int bit = number - 1;
        long[] changed = Arrays.copyOf(words, Math.max(words.length, (bit >>> 6) + 1));
        changed[bit >>> 6] ^= 1L << bit;
        return new RowOccupancy(trimmed(changed));
    }

    private static long[] trimmed(long[] words) {
        int length = words.length;
        while (length > 0 && words[length - 1] == 0) {
            length--;
        }
        return length == words.length ? words : Arrays.copyOf(words, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowOccupancy row && Arrays.equals(words, row.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    /** The taken seats as ranges, for example {@code RowOccupancy[1-3,7]}; state checksums hash this. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RowOccupancy[");
        int limit = words.length * Long.SIZE;
        int number = 1;
        while (number <= limit) {
            if (!isTaken(number)) {
                number++;
                continue;
            }
            int first = number;
            while (number + 1 <= limit && isTaken(number + 1)) {
                number++;
            }
            text.append(text.charAt(text.length() - 1) == '[' ? "" : ",").append(first);
            if (number > first) {
                text.append('-').append(number);
            }
            number++;
        }
        return text.append(']').toString();
    }
}
