package org.eventbooking.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values and the configuration it is created with. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> config) {

    public Topic {
        config = Map.copyOf(config);
    }
}
