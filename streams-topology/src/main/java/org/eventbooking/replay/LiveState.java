package org.eventbooking.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.internals.KafkaTable;

/** The checksum of a running node's stores, read through interactive queries (IQv1). */
public final class LiveState {

    private LiveState() {
    }

    public static StateChecksum checksum(KafkaStreams streams) {
        return checksum(streams, StoreNames.DERIVED_FROM_LOG);
    }

    /** The checksum of the named stores, for example {@link StoreNames#REBUILT_BY_REPLAY}. */
    public static StateChecksum checksum(KafkaStreams streams, List<String> storeNames) {
        Map<String, Table<?>> tables = new LinkedHashMap<>();
        for (String name : storeNames) {
            tables.put(name, KafkaTable.readOnly(store(streams, name)));
        }
        return StateChecksum.of(tables);
    }

    private static ReadOnlyKeyValueStore<String, Object> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
