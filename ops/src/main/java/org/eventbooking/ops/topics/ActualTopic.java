package org.eventbooking.ops.topics;

import java.util.Map;

/** A topic as the cluster describes it: partitions, replication factor and its effective configuration. */
public record ActualTopic(String name, int partitions, int replicationFactor, Map<String, String> config) {

    public ActualTopic {
        config = Map.copyOf(config);
    }
}
