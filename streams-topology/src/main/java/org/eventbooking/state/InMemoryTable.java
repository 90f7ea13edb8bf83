package org.eventbooking.state;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** A {@link Table} over a sorted map. Keys are ASCII here, so String order equals RocksDB's byte order. */
public final class InMemoryTable<V> implements Table<V> {

    private final NavigableMap<String, V> entries = new TreeMap<>();

    @Override
    public V get(String key) {
        return entries.get(key);
    }

    @Override
    public void put(String key, V value) {
        entries.put(key, value);
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix) {
        return entries.subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet().stream().map(InMemoryTable::copy).toList();
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        return entries.subMap(from, true, to, false).entrySet().stream().limit(limit).map(InMemoryTable::copy).toList();
    }

    // TreeMap may reuse its entry objects when the map changes later; callers get stable copies.
    private static <V> Map.Entry<String, V> copy(Map.Entry<String, V> entry) {
        return Map.entry(entry.getKey(), entry.getValue());
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        entries.forEach(action);
    }

    public int size() {
        return entries.size();
    }
}
