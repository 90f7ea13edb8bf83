package org.eventbooking.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangelogDigestTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_same_entries_in_any_order_have_the_same_digest() {
        Map<String, byte[]> forward = new LinkedHashMap<>();
        forward.put("a", bytes("{\"n\":1}"));
        forward.put("b", bytes("{\"n\":2}"));
        Map<String, byte[]> backward = new LinkedHashMap<>();
        backward.put("b", bytes("{\"n\":2}"));
        backward.put("a", bytes("{\"n\":1}"));

        assertThat(ChangelogDigest.of(forward)).isEqualTo(ChangelogDigest.of(backward));
        assertThat(ChangelogDigest.of(forward).entries()).isEqualTo(2);
    }

    @Test
    void a_changed_value_a_moved_value_or_a_missing_entry_changes_the_digest() {
        ChangelogDigest original = ChangelogDigest.of(Map.of("a", bytes("x1"), "b", bytes("y")));

        assertThat(ChangelogDigest.of(Map.of("a", bytes("x2"), "b", bytes("y")))).isNotEqualTo(original);
        assertThat(ChangelogDigest.of(Map.of("a", bytes("y"), "b", bytes("x1")))).isNotEqualTo(original);
        assertThat(ChangelogDigest.of(Map.of("a", bytes("x1")))).isNotEqualTo(original);
        // The separator keeps a key's end from passing for its value's start.
        assertThat(ChangelogDigest.of(Map.of("ab", bytes("c")))).isNotEqualTo(ChangelogDigest.of(Map.of("a", bytes("bc"))));
    }
}
