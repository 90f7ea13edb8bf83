package org.eventbooking.ops.replay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eventbooking.replay.LogFold;
import org.eventbooking.replay.LogReplay;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.Topic;
import org.eventbooking.topology.Topics;

/**
 * Rebuilds every store of the booking topology from the log: checksums of the stores as the nodes
 * would restore them, the fold of the log, the reset of the changelogs (Kafka's reset tool), the
 * folded stores written into the new changelogs, the nodes' local state on this host removed, and
 * the new changelogs read back and compared with the fold. The idempotency store is kept as it
 * is: the replies it remembers are not in the log.
 */
public final class StateRebuild {

    /**
     * What the rebuild found and did. {@code written} and {@code readBack} are the digests of each new
     * changelog's bytes as sent and as read back afterwards; both are empty when only checked.
     */
    public record Outcome(long events, StateChecksum before, StateChecksum rebuilt, Map<String, ChangelogDigest> written,
                          Map<String, ChangelogDigest> readBack, List<Path> wipedStateDirs) {

        /** The stores whose content before differs from the log's fold. */
        public List<String> differingStores() {
            return rebuilt.tables().keySet().stream()
                    .filter(store -> !rebuilt.tables().get(store).equals(before.tables().get(store))).toList();
        }

        public boolean identical() {
            return differingStores().isEmpty();
        }

        /** Whether the changelogs now hold exactly the bytes written from the fold of the log. */
        public boolean verified() {
            return !written.isEmpty() && written.equals(readBack);
        }

        /** Whether the store's changelog was rebuilt and read back as written. */
        public boolean verified(String store) {
            return written.containsKey(store) && written.get(store).equals(readBack.get(store));
        }
    }

    private static final String MISSING = "missing";

    private final Admin admin;
    private final String bootstrapServers;
    private final StreamsApplication application;
    private final ChangelogLayout layout;
    private final PrintStream log;

    public StateRebuild(Admin admin, String bootstrapServers, StreamsApplication application, PrintStream log) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.application = application;
        this.layout = new ChangelogLayout(application.id());
        this.log = log;
    }

    /** Compares the stores with the log's fold and changes nothing. */
    public Outcome check() {
        partitionsByStore();
        application.requireStopped(admin);
        CompletableFuture<StateChecksum> reading = CompletableFuture.supplyAsync(() -> storedChecksum("read stores"));
        LogFold fold = fold();
        StateChecksum before = joined(reading);
        return new Outcome(fold.eventsApplied(), before, StateChecksum.of(fold.stores()), Map.of(), Map.of(), List.of());
    }

    /** Rebuilds every store from the log; {@code stateDirs} are the nodes' state on this host. */
    public Outcome rebuild(List<Path> stateDirs) {
        Map<String, Integer> partitions = partitionsByStore();
        application.requireStopped(admin);
        CompletableFuture<StateChecksum> reading = CompletableFuture.supplyAsync(() -> storedChecksum("read stores"));
        LogFold fold = fold();
        StateChecksum before = joined(reading);
        Map<String, Table<?>> stores = fold.stores();
        resetChangelogs(partitions);
        Map<String, ChangelogDigest> written = write(stores, partitions);
        List<Path> wiped = LocalStateDirs.wipe(stateDirs, application.id());
        wiped.forEach(dir -> log.println("deleted the local state " + dir));
        return new Outcome(fold.eventsApplied(), before, StateChecksum.of(stores), written, readBack(), wiped);
    }

    // The stores are read while the log is folded: different topics, and each keeps a core busy.
    private static <T> T joined(CompletableFuture<T> background) {
        try {
            return background.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private LogFold fold() {
        Progress progress = new Progress(log, "fold the log", logSize());
        LogFold fold = new LogReplay(bootstrapServers).replay(progress);
        log.printf("folded %,d events in %.1f s%n", fold.eventsApplied(), progress.elapsedSeconds());
        return fold;
    }

    private void resetChangelogs(Map<String, Integer> partitions) {
        List<String> changelogs = StoreNames.REBUILT_BY_REPLAY.stream().map(layout::changelogTopic).toList();
        new ApplicationReset(admin, bootstrapServers, application.id()).deleteChangelogs(changelogs);
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        partitions.forEach((store, count) -> byTopic.put(layout.changelogTopic(store), count));
        new ApplicationReset(admin, bootstrapServers, application.id()).createChangelogs(byTopic, replicationFactor());
    }

    private Map<String, ChangelogDigest> write(Map<String, Table<?>> stores, Map<String, Integer> partitions) {
        Map<String, ChangelogDigest> digests = new LinkedHashMap<>();
        try (ChangelogWriter writer = new ChangelogWriter(bootstrapServers)) {
            for (String store : StoreNames.REBUILT_BY_REPLAY) {
                Progress progress = new Progress(log, "write " + store, size(stores.get(store)));
                ChangelogDigest written = writer.write(store, layout.changelogTopic(store), partitions.get(store),
                        stores.get(store), progress);
                digests.put(store, written);
                log.printf("wrote %,d entries of %s in %.1f s%n", written.entries(), store, progress.elapsedSeconds());
            }
        }
        return digests;
    }

    /** The new changelogs read back as bytes: the same bytes as written, or the rebuild failed. */
    private Map<String, ChangelogDigest> readBack() {
        Map<String, String> topics = new LinkedHashMap<>();
        StoreNames.REBUILT_BY_REPLAY.forEach(store -> topics.put(store, layout.changelogTopic(store)));
        Progress progress = new Progress(log, "verify", endOffsets(List.copyOf(topics.values())));
        Map<String, ChangelogDigest> digests = new ChangelogReader(bootstrapServers).digests(topics, progress);
        log.printf("verify: read %d changelogs in %.1f s%n", topics.size(), progress.elapsedSeconds());
        return digests;
    }

    /** The checksum of every store as restored from its changelog; a missing changelog is {@value #MISSING}. */
    private StateChecksum storedChecksum(String phase) {
        Set<String> topics = KafkaOptions.await(admin.listTopics().names(), "list topics");
        Map<String, String> present = new LinkedHashMap<>();
        Map<String, String> sums = new TreeMap<>();
        for (String store : StoreNames.REBUILT_BY_REPLAY) {
            String topic = layout.changelogTopic(store);
            if (topics.contains(topic)) {
                present.put(store, topic);
            } else {
                sums.put(store, MISSING);
            }
        }
        if (!present.isEmpty()) {
            Progress progress = new Progress(log, phase, endOffsets(List.copyOf(present.values())));
            sums.putAll(StateChecksum.of(new ChangelogReader(bootstrapServers).read(present, progress)).tables());
            log.printf("%s: read %d changelogs in %.1f s%n", phase, present.size(), progress.elapsedSeconds());
        }
        return new StateChecksum(new LinkedHashMap<>(sums));
    }

    /** Partitions of each store's changelog: those of the input topic of the sub-topology that owns it. */
    private Map<String, Integer> partitionsByStore() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (String store : StoreNames.REBUILT_BY_REPLAY) {
            partitions.put(store, describe(ChangelogLayout.sourceTopic(store)).partitions().size());
        }
        return partitions;
    }

    private short replicationFactor() {
        return (short) describe(Topics.BOOKING_COMMANDS).partitions().get(0).replicas().size();
    }

    private TopicDescription describe(Topic<?, ?> topic) {
        Set<String> topics = KafkaOptions.await(admin.listTopics().names(), "list topics");
        if (!topics.contains(topic.name())) {
            throw new OperatorException("topic " + topic.name() + " does not exist at " + bootstrapServers
                    + ": no node has run against this Kafka yet, so there is nothing to rebuild");
        }
        return KafkaOptions.await(admin.describeTopics(List.of(topic.name())).allTopicNames(), "describe " + topic.name())
                .get(topic.name());
    }

    private long logSize() {
        return endOffsets(List.of(Topics.EVENT_STREAMS.name(), Topics.BOOKING_EVENTS.name()));
    }

    /** Records in the topics from their start to their end (transaction markers included: an estimate). */
    private long endOffsets(List<String> topicNames) {
        Map<String, TopicDescription> described = KafkaOptions.await(admin.describeTopics(topicNames).allTopicNames(),
                "describe " + topicNames);
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
        described.forEach((name, description) -> description.partitions().forEach(p -> {
            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
            earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
        }));
        return sum(admin.listOffsets(latest)) - sum(admin.listOffsets(earliest));
    }

    private static long sum(ListOffsetsResult offsets) {
        return KafkaOptions.await(offsets.all(), "list offsets").values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private static long size(Table<?> table) {
        long[] count = {0};
        table.forEach((key, value) -> count[0]++);
        return count[0];
    }
}
