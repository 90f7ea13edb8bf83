package org.eventbooking.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eventbooking.topology.internals.Futures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the platform's topics that do not exist yet, with their configuration. */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /**
     * Creates every missing topic of {@link Topics#ALL}.
     *
     * @param partitions        partitions of each topic; commands and the logs must agree, as the
     *                          events of one event id stay in the partition of its commands
     * @param replicationFactor 3 in production, 1 on a single local broker
     * @return the names of the topics created
     */
    public List<String> createMissing(int partitions, short replicationFactor) {
        Set<String> existing = Futures.get(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            if (!existing.contains(topic.name())) {
                missing.add(new NewTopic(topic.name(), Optional.of(partitions), Optional.of(replicationFactor)).configs(topic.config()));
            }
        }
        if (!missing.isEmpty()) {
            Futures.get(admin.createTopics(missing).all(), "create topics " + missing.stream().map(NewTopic::name).toList());
            LOG.info("created topics {} with {} partitions, replication factor {}",
                    missing.stream().map(NewTopic::name).toList(), partitions, replicationFactor);
        }
        return missing.stream().map(NewTopic::name).toList();
    }
}
