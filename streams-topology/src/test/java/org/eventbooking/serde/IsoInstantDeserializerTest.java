package org.eventbooking.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantDeserializerTest {

    // 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: the years the serialiser writes by hand.
    private static final long FIRST = -62_167_219_200L;
    private static final long LAST = 253_402_300_799L;

    @Property(tries = 20_000)
    void reads_back_every_instant_the_serialiser_writes(@ForAll @LongRange(min = FIRST, max = LAST) long seconds,
                                                        @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                        @ForAll @IntRange(min = 0, max = 3) int precision) {
        int truncated = switch (precision) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1_000 * 1_000;
            default -> nanos;
        };
        Instant instant = Instant.ofEpochSecond(seconds, truncated);
        assertThat(IsoInstantDeserializer.parse(IsoInstantSerializer.format(instant))).isEqualTo(instant);
        assertThat(read(IsoInstantSerializer.format(instant))).isEqualTo(instant);
    }

    @Property(tries = 5_000)
    void agrees_with_instant_parse_on_any_fraction_length(@ForAll @LongRange(min = FIRST, max = LAST) long seconds,
                                                          @ForAll @IntRange(min = 1, max = 9) int digits,
                                                          @ForAll @IntRange(min = 0, max = 999_999_999) int fraction) {
        String text = Instant.ofEpochSecond(seconds).toString().replace("Z",
                "." + String.format("%09d", fraction).substring(0, digits) + "Z");
        assertThat(IsoInstantDeserializer.parse(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void leaves_other_forms_to_the_general_reader() {
        for (String text : new String[] {"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z", "2026-12-01T10:00:00+01:00",
                "2026-12-31T23:59:60Z", "2026-02-30T10:00:00Z", "2026-12-01T10:00:00.Z"}) {
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isNull();
        }
        assertThat(read("2026-12-01T10:00:00.Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(read("+10000-01-01T00:00:00Z")).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(read("2026-12-01T10:00:00+01:00")).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(Json.read("1764583200".getBytes(StandardCharsets.UTF_8), Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_764_583_200L));
    }

    @Test
    void refuses_what_is_not_an_instant() {
        for (String text : new String[] {"2026-12-01T10:00:0xZ", "2026-13-01T10:00:00Z", "yesterday"}) {
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isNull();
            assertThatThrownBy(() -> read(text)).as(text).hasRootCauseInstanceOf(DateTimeParseException.class);
        }
    }

    private static Instant read(String text) {
        return Json.read(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8), Instant.class);
    }
}
