package org.eventbooking.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checksum that proves rebuild = replay: content only, not insertion order. */
class StateChecksumTest {

    private static InMemoryTable<String> table(String... keysAndValues) {
        InMemoryTable<String> table = new InMemoryTable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return table;
    }

    @Test
    void same_entries_in_any_order_give_the_same_checksum() {
        StateChecksum forwards = StateChecksum.of(Map.of("seats", table("a", "1", "b", "2", "c", "3")));
        StateChecksum backwards = StateChecksum.of(Map.of("seats", table("c", "3", "b", "2", "a", "1")));

        assertThat(forwards).isEqualTo(backwards);
        assertThat(forwards.tables()).containsOnlyKeys("seats");
        assertThat(forwards.tables().get("seats")).startsWith("3:");
    }

    @Test
    void a_changed_value_key_or_table_name_changes_the_checksum() {
        StateChecksum original = StateChecksum.of(Map.of("seats", table("a", "1", "b", "2")));

        assertThat(StateChecksum.of(Map.of("seats", table("a", "1", "b", "3")))).isNotEqualTo(original);
        assertThat(StateChecksum.of(Map.of("seats", table("a", "1", "c", "2")))).isNotEqualTo(original);
        assertThat(StateChecksum.of(Map.of("rows", table("a", "1", "b", "2"))).tables().get("rows"))
                .isNotEqualTo(original.tables().get("seats"));
    }

    @Test
    void a_deleted_entry_is_gone_from_the_checksum() {
        InMemoryTable<String> table = table("a", "1", "b", "2");
        table.delete("b");

        assertThat(StateChecksum.of(Map.of("seats", table))).isEqualTo(StateChecksum.of(Map.of("seats", table("a", "1"))));
    }

    @Test
    void empty_tables_have_a_zero_count() {
        assertThat(StateChecksum.of(BookingTables.inMemory().byName()).tables()).containsOnlyKeys(StoreNames.EVENTS, StoreNames.SEATS,
                StoreNames.BOOKINGS, StoreNames.SECTIONS, StoreNames.ROWS, StoreNames.EXPIRIES).allSatisfy((name, sum) ->
                assertThat(sum).isEqualTo("0:0"));
    }
}
