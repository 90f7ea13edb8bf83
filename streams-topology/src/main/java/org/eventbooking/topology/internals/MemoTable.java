package org.eventbooking.topology.internals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eventbooking.state.Table;

/**
 * A write-through memo of deserialised values (and of absent keys) in front of a store table.
 * Every store read costs a cache or RocksDB lookup plus a JSON parse; a hold reads the catalog
 * entry three times and its seats and booking twice (decide, then apply), and every command
 * reads the same few section counts. The memo serves those repeats from a hash map.
 *
 * <p>It is never stale: the processor that owns it is its store's only writer, and a task whose
 * transaction aborts is closed and initialised again, which builds new memos. Memory is bounded
 * by dropping the whole memo when it outgrows {@code maxEntries}, which the owner picks per table:
 * large for small key spaces that every command reads, small for keys read within one command.
 */
final class MemoTable<V> implements Table<V> {

    private final Table<V> table;
    private final int maxEntries;
    private final Map<String, V> memo = new HashMap<>();

    MemoTable(Table<V> table, int maxEntries) {
        this.table = table;
        this.maxEntries = maxEntries;
    }

    @Override
    public V get(String key) {
        // containsKey, not a null check: absent keys (available seats) are memoised too.
        if (memo.containsKey(key)) {
            return memo.get(key);
        }
        V value = table.get(key);
        remember(key, value);
        return value;
    }

    @Override
    public void put(String key, V value) {
        table.put(key, value);
        remember(key, value);
    }

    @Override
    public void delete(String key) {
        table.delete(key);
        remember(key, null);
    }

    private void remember(String key, V value) {
        if (memo.size() >= maxEntries) {
            memo.clear();
        }
        memo.put(key, value);
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix) {
        return table.withPrefix(prefix);
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        return table.range(from, to, limit);
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        table.forEach(action);
    }
}
