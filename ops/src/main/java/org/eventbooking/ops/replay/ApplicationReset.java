package org.eventbooking.ops.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Resets the rebuilt stores' changelogs with Kafka's application reset tool: it checks again that
 * no member is active and deletes exactly the named internal topics. Input offsets are left alone
 * (no {@code --input-topics}): commands already decided are never decided again. The idempotency
 * store's changelog is not named, so it survives. Then the changelogs are created again, empty.
 */
public final class ApplicationReset {

    private static final Duration DELETION_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final String bootstrapServers;
    private final String applicationId;

    public ApplicationReset(Admin admin, String bootstrapServers, String applicationId) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
    }

    /** Deletes the existing topics among {@code changelogs} through the reset tool. */
    public void deleteChangelogs(List<String> changelogs) {
        Set<String> existing = KafkaOptions.await(admin.listTopics().names(), "list topics");
        List<String> toDelete = changelogs.stream().filter(existing::contains).toList();
        if (toDelete.isEmpty()) {
            return; // without --internal-topics the tool would delete every internal topic
        }
        int exit = new StreamsResetter().execute(new String[] {"--application-id", applicationId,
                "--bootstrap-server", bootstrapServers, "--internal-topics", String.join(",", toDelete)});
        if (exit != 0) {
            throw new OperatorException("Kafka's application reset tool failed (its output is above); nothing was"
                    + " rebuilt yet: fix the cause and run the replay again");
        }
    }

    /** Creates each changelog empty, retrying while the broker still finishes deleting the old one. */
    public void createChangelogs(Map<String, Integer> partitionsByTopic, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        partitionsByTopic.forEach((topic, partitions) -> topics.add(new NewTopic(topic, Optional.of(partitions),
                Optional.of(replicationFactor)).configs(ChangelogWriter.changelogConfig())));
        long deadline = System.nanoTime() + DELETION_TIMEOUT.toNanos();
        List<NewTopic> missing = topics;
        while (true) {
            Set<String> existing = KafkaOptions.await(admin.listTopics().names(), "list topics");
            missing = missing.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (Exception stillBeingDeleted) {
                if (System.nanoTime() > deadline) {
                    throw new OperatorException("cannot create the changelogs " + missing.stream().map(NewTopic::name).toList()
                            + " again within " + DELETION_TIMEOUT.toSeconds() + " s: " + stillBeingDeleted.getMessage()
                            + "; run the replay again once the broker has finished deleting them", stillBeingDeleted);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted while creating changelogs", e);
        }
    }
}
