package org.eventbooking.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads what {@link IsoInstantSerializer} writes ({@code 2026-12-01T10:00:00.123Z}: four-digit
 * year, UTC, 0 to 9 fraction digits) by hand. Jackson's general {@link InstantDeserializer} goes
 * through a {@code DateTimeFormatter}, which took over a quarter of the CPU of a state rebuild and
 * of the projection sink. Anything else (offsets, signed years, numbers) takes the general path.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;
    private static final int SHORTEST = "0000-00-00T00:00:00Z".length();

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant, or null when {@code text} is not in the serialiser's form (or not a valid date). */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
                || !separatorsAt(text, "-", 4, 7) || text.charAt(10) != 'T' || !separatorsAt(text, ":", 13, 16)) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = fraction(text, 19, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(epochSecond, nanos);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static boolean separatorsAt(String text, String separator, int first, int second) {
        return text.charAt(first) == separator.charAt(0) && text.charAt(second) == separator.charAt(0);
    }

    /** The number in [from, to), or -1 unless every character is a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Nanoseconds of {@code .ddd…} in [from, to) (empty: 0), or -1 when malformed. */
    private static int fraction(String text, int from, int to) {
        if (from == to) {
            return 0;
        }
        if (text.charAt(from) != '.' || to - from < 2) {
            return -1;
        }
        int value = digits(text, from + 1, to);
        for (int i = to - from - 1; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }
}
