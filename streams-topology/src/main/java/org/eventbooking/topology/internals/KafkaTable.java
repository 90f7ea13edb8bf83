package org.eventbooking.topology.internals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.eventbooking.state.Table;

/** A {@link Table} over a Kafka Streams key-value store (RocksDB, cached, changelogged). */
public final class KafkaTable<V> implements Table<V> {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, V> reads;
    private final KeyValueStore<String, V> writes;

    private KafkaTable(ReadOnlyKeyValueStore<String, V> reads, KeyValueStore<String, V> writes) {
        this.reads = reads;
        this.writes = writes;
    }

    public static <V> KafkaTable<V> of(KeyValueStore<String, V> store) {
        return new KafkaTable<>(store, store);
    }

    /** A table for reading only, for example over an interactive query store. */
    public static <V> KafkaTable<V> readOnly(ReadOnlyKeyValueStore<String, V> store) {
        return new KafkaTable<>(store, null);
    }

    @Override
    public V get(String key) {
        return reads.get(key);
    }

    @Override
    public void put(String key, V value) {
        writable().put(key, value);
    }

    @Override
    public void delete(String key) {
        writable().delete(key);
    }

    private KeyValueStore<String, V> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("this table is read-only");
        }
        return writes;
    }

    @Override
    public List<Map.Entry<String, V>> withPrefix(String prefix) {
        try (KeyValueIterator<String, V> entries = reads.prefixScan(prefix, KEYS)) {
            return collect(entries, null, Integer.MAX_VALUE);
        }
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to, int limit) {
        // Kafka's range includes its upper bound; Table's does not.
        try (KeyValueIterator<String, V> entries = reads.range(from, to)) {
            return collect(entries, to, limit);
        }
    }

    @Override
    public void forEach(BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> entries = reads.all()) {
            entries.forEachRemaining(entry -> action.accept(entry.key, entry.value));
        }
    }

    private static <V> List<Map.Entry<String, V>> collect(KeyValueIterator<String, V> entries, String excludedKey, int limit) {
        List<Map.Entry<String, V>> result = new ArrayList<>();
        while (entries.hasNext() && result.size() < limit) {
            KeyValue<String, V> entry = entries.next();
            if (!entry.key.equals(excludedKey)) {
                result.add(Map.entry(entry.key, entry.value));
            }
        }
        return result;
    }
}
