package org.eventbooking.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.EventCreated;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.replay.ApplicationReset;
import org.eventbooking.ops.replay.ChangelogLayout;
import org.eventbooking.ops.replay.ChangelogWriter;
import org.eventbooking.ops.replay.StateRebuild;
import org.eventbooking.ops.replay.StreamsApplication;
import org.eventbooking.replay.LogFold;
import org.eventbooking.state.StateChecksum;
import org.eventbooking.state.StoreNames;
import org.eventbooking.state.Table;
import org.eventbooking.topology.TopicProvisioner;
import org.eventbooking.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./booking replay state} on a log of realistic size: the log and the engine's stores
 * (changelogs) are set up from a generated history, then the whole rebuild is timed: reading the
 * stores, folding the log, resetting and writing the changelogs, reading them back to verify.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Seconds to rebuild every state store from a log of --events events (./booking replay state).")
final class ReplayBenchmark implements Callable<Integer> {

    private static final String APPLICATION = "booking-engine";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--events", defaultValue = "1000000", description = "Events in the log (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--event-count", defaultValue = "200", description = "Ticketed events the bookings spread over (default: ${DEFAULT-VALUE}).")
    int eventCount;

    @Option(names = "--users", defaultValue = "20000", description = "Registered users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        try (KafkaOptions.WorkDir workDir = kafka.workDir("replay");
             LocalKafkaCluster broker = kafka.startLocalBrokerUnlessGiven(workDir.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap))) {
            new TopicProvisioner(admin).createMissing(partitions, (short) 1);
            long setupStart = System.nanoTime();
            ReplayWorkload workload = new ReplayWorkload();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                workload.generate(eventCount, users, events, event -> append(producer, event));
            }
            Map<String, Table<?>> liveStores = liveStores(workload);
            writeChangelogs(admin, liveStores);
            System.out.printf(Locale.ROOT, "set-up: log of %,d events and the engine's stores written in %.1f s%n",
                    events, (System.nanoTime() - setupStart) / 1e9);

            long start = System.nanoTime();
            StateRebuild.Outcome outcome = new StateRebuild(admin, kafka.bootstrap, StreamsApplication.named(APPLICATION), System.out)
                    .rebuild(List.of(workDir.resolve("state")));
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean identical = outcome.identical() && outcome.verified()
                    && outcome.rebuilt().equals(StateChecksum.of(liveStores));
            System.out.println("stores: " + outcome.rebuilt());
            System.out.printf(Locale.ROOT, "RESULT events=%d seconds=%.1f events_per_s=%.0f identical=%s%n",
                    outcome.events(), seconds, outcome.events() / seconds, identical);
            return identical ? 0 : 1;
        }
    }

    /** The generator's tables, as the engine's processors hold them, by store name. */
    private static Map<String, Table<?>> liveStores(ReplayWorkload workload) {
        // A fold over the generator's tables names them and derives each user's bookings, as the engine's view holds them.
        Map<String, Table<?>> stores = new LinkedHashMap<>(new LogFold(workload.tables()).stores());
        stores.put(StoreNames.USERS, workload.users());
        return stores;
    }

    private void writeChangelogs(Admin admin, Map<String, Table<?>> stores) {
        ChangelogLayout layout = new ChangelogLayout(APPLICATION);
        Map<String, Integer> topics = new LinkedHashMap<>();
        StoreNames.REBUILT_BY_REPLAY.forEach(store -> topics.put(layout.changelogTopic(store), partitions));
        new ApplicationReset(admin, kafka.bootstrap, APPLICATION).createChangelogs(topics, (short) 1);
        try (ChangelogWriter writer = new ChangelogWriter(kafka.bootstrap)) {
            stores.forEach((store, table) -> writer.write(store, layout.changelogTopic(store), partitions, table, n -> { }));
        }
    }

    private static void append(KafkaProducer<String, byte[]> producer, LogEvent event) {
        if (event instanceof UserRegistered user) {
            send(producer, Topics.EVENT_STREAMS.name(), user.email(), Topics.EVENT_STREAMS.valueSerde().serializer(), event);
        } else if (event instanceof EventCreated created) {
            send(producer, Topics.EVENT_STREAMS.name(), created.eventId(), Topics.EVENT_STREAMS.valueSerde().serializer(), event);
        } else {
            BookingEvent booking = (BookingEvent) event;
            send(producer, Topics.BOOKING_EVENTS.name(), booking.eventId(), Topics.BOOKING_EVENTS.valueSerde().serializer(), booking);
        }
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, String topic, String key, Serializer<V> values, V value) {
        producer.send(new ProducerRecord<>(topic, key, values.serialize(topic, value)));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
