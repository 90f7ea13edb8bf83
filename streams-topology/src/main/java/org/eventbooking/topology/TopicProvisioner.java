package org.eventbooking.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eventbooking.topology.internals.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's topics as they should be on a cluster ({@link #desired}), and the creation of
 * those that do not exist yet.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /**
     * Every topic of {@link Topics#ALL} with its partitions, replication factor and configuration,
     * including {@code min.insync.replicas}: 2 from a replication factor of 3 on, so an
     * {@code acks=all} write survives one lost broker and still never rests on a single copy; 1 below.
     *
     * @param partitions        partitions of each topic; commands and the logs must agree, as the
     *                          events of one event id stay in the partition of its commands
     * @param replicationFactor 3 in production, 1 on a single local broker
     */
    public static List<NewTopic> desired(int partitions, short replicationFactor) {
        String minInsyncReplicas = replicationFactor >= 3 ? "2" : "1";
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            Map<String, String> config = new TreeMap<>(topic.config());
            config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsyncReplicas);
            topics.add(new NewTopic(topic.name(), Optional.of(partitions), Optional.of(replicationFactor)).configs(config));
        }
        return List.copyOf(topics);
    }

    /**
     * Creates every missing topic of {@link #desired}; existing topics are left as they are.
     *
     * @return the names of the topics created
     */
    public List<String> createMissing(int partitions, short replicationFactor) {
        Set<String> existing = Futures.get(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = desired(partitions, replicationFactor).stream()
                .filter(topic -> !existing.contains(topic.name()))
                .toList();
        if (!missing.isEmpty()) {
            Futures.get(admin.createTopics(missing).all(), "create topics " + missing.stream().map(NewTopic::name).toList());
            LOG.info("created topics {} with {} partitions, replication factor {}",
                    missing.stream().map(NewTopic::name).toList(), partitions, replicationFactor);
        }
        return missing.stream().map(NewTopic::name).toList();
    }
}
