package org.eventbooking.ops.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** What differs between a topic as it should be and as the cluster has it; pure. */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** One sentence per difference, naming the topic, the setting, what it is and what it should be. */
    public static List<String> differences(NewTopic expected, ActualTopic actual) {
        List<String> differences = new ArrayList<>();
        String name = expected.name();
        if (actual.partitions() != expected.numPartitions()) {
            differences.add(name + ": " + actual.partitions() + " partitions, expected " + expected.numPartitions());
        }
        if (actual.replicationFactor() != expected.replicationFactor()) {
            differences.add(name + ": replication factor " + actual.replicationFactor() + ", expected "
                    + expected.replicationFactor());
        }
        for (Map.Entry<String, String> setting : expected.configs().entrySet()) {
            String value = actual.config().get(setting.getKey());
            if (!setting.getValue().equals(value)) {
                differences.add(name + ": " + setting.getKey() + " is " + (value == null ? "not set" : value)
                        + ", expected " + setting.getValue());
            }
        }
        return differences;
    }
}
