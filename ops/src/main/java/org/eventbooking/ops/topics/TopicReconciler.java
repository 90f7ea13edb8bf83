package org.eventbooking.ops.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eventbooking.topology.TopicProvisioner;

/**
 * Brings a cluster's topics to the platform's layout where that is safe (creating missing topics)
 * and reports every difference it may not fix on its own: changing partitions or retention of a
 * live log is an operator's decision.
 */
public final class TopicReconciler {

    private final Admin admin;

    public TopicReconciler(Admin admin) {
        this.admin = admin;
    }

    /** What a run found: topics created, and the differences left on the cluster. */
    public record Outcome(List<NewTopic> desired, List<String> created, List<String> differences) {

        public boolean matches() {
            return differences.isEmpty();
        }
    }

    /**
     * @param create false to only verify: a missing topic is then a difference
     */
    public Outcome reconcile(int partitions, short replicationFactor, boolean create) {
        List<NewTopic> desired = TopicProvisioner.desired(partitions, replicationFactor);
        List<String> created = create ? new TopicProvisioner(admin).createMissing(partitions, replicationFactor) : List.of();
        Map<String, ActualTopic> actual = new ClusterTopics(admin).describe(desired.stream().map(NewTopic::name).toList());
        List<String> differences = new ArrayList<>();
        for (NewTopic topic : desired) {
            ActualTopic found = actual.get(topic.name());
            if (found == null) {
                differences.add(topic.name() + ": missing");
            } else {
                differences.addAll(TopicCheck.differences(topic, found));
            }
        }
        return new Outcome(desired, created, List.copyOf(differences));
    }
}
