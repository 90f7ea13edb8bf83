package org.eventbooking.ops.topics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.eventbooking.topology.internals.Futures;

/** Reads how the cluster has the topics: partitions, replication factor, effective configuration. */
final class ClusterTopics {

    private final Admin admin;

    ClusterTopics(Admin admin) {
        this.admin = admin;
    }

    /** The existing topics among {@code names}, by name; a missing topic is absent from the map. */
    Map<String, ActualTopic> describe(Collection<String> names) {
        Set<String> existing = Futures.get(admin.listTopics().names(), "list topics");
        List<String> present = names.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = Futures.get(admin.describeTopics(present).allTopicNames(),
                "describe topics " + present);
        List<ConfigResource> resources = present.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = Futures.get(admin.describeConfigs(resources).all(),
                "describe the configuration of topics " + present);
        return present.stream().collect(Collectors.toMap(Function.identity(), name -> actual(descriptions.get(name),
                configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)))));
    }

    private static ActualTopic actual(TopicDescription description, Config config) {
        Map<String, String> values = config.entries().stream()
                .filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
        int replicationFactor = description.partitions().get(0).replicas().size();
        return new ActualTopic(description.name(), description.partitions().size(), replicationFactor, values);
    }
}
