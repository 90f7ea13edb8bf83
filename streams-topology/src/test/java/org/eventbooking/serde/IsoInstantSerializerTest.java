package org.eventbooking.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantSerializerTest {

    @Test
    void writes_what_instant_to_string_writes_at_every_precision() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void writes_years_beyond_four_digits_as_instant_to_string_does() {
        for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59.5Z"), Instant.EPOCH}) {
            assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void is_the_instant_format_of_the_json_mapping() {
        Instant instant = Instant.parse("2026-12-01T10:00:00.120Z");

        assertThat(new String(Json.write(instant))).isEqualTo("\"2026-12-01T10:00:00.120Z\"");
        assertThat(Json.read(Json.write(instant), Instant.class)).isEqualTo(instant);
    }
}
