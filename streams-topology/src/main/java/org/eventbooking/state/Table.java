package org.eventbooking.state;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A sorted key-value table with string keys: a RocksDB store in the topology, a sorted map in
 * replays and tests, so both run the very same state code.
 */
public interface Table<V> {

    /** The value, or null when absent. */
    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** All entries whose key starts with {@code prefix}, in key order. */
    List<Map.Entry<String, V>> withPrefix(String prefix);

    /** Up to {@code limit} entries with {@code from <= key < to}, in key order. */
    List<Map.Entry<String, V>> range(String from, String to, int limit);

    void forEach(BiConsumer<String, V> action);
}
