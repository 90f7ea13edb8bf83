package org.eventbooking.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.serde.Json;
import org.eventbooking.topology.BookingTopology;
import org.eventbooking.topology.RecordHeaderNames;
import org.eventbooking.topology.StreamsSettings;
import org.eventbooking.topology.TopicProvisioner;
import org.eventbooking.topology.Topics;
import org.eventbooking.topology.TopologySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hold commands for one hot event (2 random adjacent seats each, so some collide; or 2
 * best-available seats of a random section) through the topology on a real broker with
 * exactly-once, after a warm-up; the produce ceiling is measured in the same run.
 */
@Command(name = "topology", mixinStandardHelpOptions = true,
        description = "Successful holds/s of the booking topology for one hot event, against the raw produce ceiling.")
final class TopologyBenchmark implements Callable<Integer> {

    private static final String EVENT_ID = "hot-event";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--seats", defaultValue = "1000000", description = "Seats of the hot event, at least 200,000 (default: ${DEFAULT-VALUE}).")
    int seats;

    @Option(names = "--warmup-holds", defaultValue = "50000", description = "Hold commands before measuring (default: ${DEFAULT-VALUE}).")
    int warmupHolds;

    @Option(names = "--holds", defaultValue = "300000", description = "Hold commands measured (default: ${DEFAULT-VALUE}).")
    int holds;

    @Option(names = "--best-available",
            description = "Hold 2 best-available seats of a random section (as the HTTP benchmark does) instead of 2 named seats.")
    boolean bestAvailable;

    @Option(names = "--ceiling-records", defaultValue = "2000000", description = "Records of the produce-ceiling run (default: ${DEFAULT-VALUE}).")
    int ceilingRecords;

    @Option(names = "--transactional-stores", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "KIP-892 transactional state stores (default: ${DEFAULT-VALUE}).")
    boolean transactionalStores;

    @Option(names = "--commit-interval-ms", defaultValue = "" + StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS,
            description = "Exactly-once commit interval (default: ${DEFAULT-VALUE}).")
    long commitIntervalMs;

    @Mixin
    ResultChart.Options chart;

    @Override
    public Integer call() throws Exception {
        Measured measured = measure();
        ResultChart.write(chart.file("topology"), "Engine: hot-event holds through the topology (exactly-once)",
                "successful holds/s", List.of(measured.run().timeline()));
        printResult(measured);
        return 0;
    }

    /** The run's figures and its per-second replies, for this scenario and for compare. */
    record Measured(Run run, double ceiling) {

        double holdsPerSecond() {
            return run.accepted() / run.seconds();
        }
    }

    Measured measure() throws Exception {
        if (seats < 200_000) {
            throw new IllegalArgumentException("--seats must be at least 200000: the benchmark is about one large hot event");
        }
        try (KafkaOptions.WorkDir workDir = kafka.workDir("topology");
             LocalKafkaCluster broker = kafka.startLocalBrokerUnlessGiven(workDir.resolve("kafka"))) {
            String bootstrap = kafka.bootstrap;
            System.out.printf("kafka at %s%n", bootstrap);
            double ceiling = ProduceCeiling.measure(bootstrap, "bench-ceiling-" + System.currentTimeMillis(), ceilingRecords);
            System.out.printf("produce ceiling: %,.0f records/s (%d-byte records, acks=all)%n", ceiling, ProduceCeiling.RECORD_BYTES);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                new TopicProvisioner(admin).createMissing(1, (short) 1);
            }
            Run run = runHolds(bootstrap, workDir.resolve("state"));
            printReport(run, ceiling);
            return new Measured(run, ceiling);
        }
    }

    record Run(int sections, double seconds, long accepted, long rejected, ResourceMeter.Usage usage, String threadTime,
               Timeline timeline) {
    }

    /**
     * All commands are written before the engine starts, so the benchmark's own producer does not
     * compete with the engine for this machine's two cores; the clock runs from the end of the
     * warm-up to the last reply.
     */
    private Run runHolds(String bootstrap, Path stateDir) throws Exception {
        HotEventWorkload workload = new HotEventWorkload(seats);
        int sections = workload.sections();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            send(producer, 0, Json.write(createEvent(sections)));
            List<byte[]> commands = holdCommands(workload, warmupHolds + holds, bestAvailable);
            for (int i = 0; i < commands.size(); i++) {
                send(producer, i + 1, commands.get(i));
            }
            producer.flush();
        }
        System.out.printf("%,d commands written; starting the engine%n", 1 + warmupHolds + holds);
        StreamsSettings settings = StreamsSettings.local(bootstrap, "bench-" + System.currentTimeMillis(), stateDir)
                .withTransactionalStores(transactionalStores).withCommitIntervalMs(commitIntervalMs);
        TopologySettings topologySettings = TopologySettings.defaults().withMaxSeatsPerEvent(workload.capacity());
        try (ReplyCounter replies = new ReplyCounter(bootstrap, 1 + warmupHolds);
             KafkaStreams streams = new KafkaStreams(BookingTopology.build(topologySettings), settings.toProperties())) {
            streams.start();
            awaitReplies(replies, 1 + warmupHolds, "warm-up", null);
            ResourceMeter meter = new ResourceMeter(streams);
            ResourceMeter.Snapshot start = meter.snapshot();
            Timeline timeline = new Timeline("engine", start.wallNs());
            awaitReplies(replies, 1 + warmupHolds + holds, "measured", timeline);
            ResourceMeter.Snapshot end = meter.snapshot();
            double seconds = (end.wallNs() - start.wallNs()) / 1e9;
            return new Run(sections, seconds, replies.accepted(), replies.rejected(),
                    ResourceMeter.between(start, end), meter.streamThreadTimeShares(), timeline);
        }
    }

    private CreateEvent createEvent(int sections) {
        List<Section> venue = new ArrayList<>();
        for (int i = 1; i <= sections; i++) {
            venue.add(new Section(HotEventWorkload.sectionName(i), 5_000, HotEventWorkload.ROWS, HotEventWorkload.SEATS_PER_ROW));
        }
        return new CreateEvent("create-" + EVENT_ID, "bench", EVENT_ID, "Hot event", "Stadium",
                Instant.now().plus(Duration.ofDays(30)), "EUR", 3600, 10, venue, null);
    }

    private static List<byte[]> holdCommands(HotEventWorkload workload, int count, boolean bestAvailable) {
        return workload.holds(count).stream()
                .map(hold -> Json.write(bestAvailable
                        ? new HoldBestAvailable("hold-" + hold.index(), hold.userId(), EVENT_ID, hold.bookingId(), hold.section(), 2)
                        : new HoldSeats("hold-" + hold.index(), hold.userId(), EVENT_ID, hold.bookingId(), hold.seats())))
                .toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, int index, byte[] command) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BOOKING_COMMANDS.name(), EVENT_ID, command);
        record.headers().add(RecordHeaderNames.CORRELATION_ID, Integer.toString(index).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    /** Waits for the replies, printing each second's; the timeline (if any) gets them as they come. */
    private static void awaitReplies(ReplyCounter replies, long expected, String phase, Timeline timeline) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long lastPrint = System.nanoTime();
        long lastCount = replies.replies();
        long lastAccepted = replies.accepted();
        while (replies.replies() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(phase + ": only " + replies.replies() + " of " + expected + " replies after 10 minutes");
            }
            Thread.sleep(20);
            if (timeline != null) {
                long accepted = replies.accepted();
                timeline.count(System.nanoTime(), accepted - lastAccepted);
                lastAccepted = accepted;
            }
            if (System.nanoTime() - lastPrint >= 1_000_000_000L) {
                long count = replies.replies();
                System.out.printf("  %-13s %,10d / %,d replies  %,8d/s%n", phase, count, expected, count - lastCount);
                lastPrint = System.nanoTime();
                lastCount = count;
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** CPU as cores busy on average and as microseconds per command: the latter does not depend on the run's speed. */
    private static void printCpu(String what, double cores, double commandsPerSecond) {
        System.out.printf("%-34s %,14.2f cores %,6.0f us/command%n", what, cores, cores * 1e6 / commandsPerSecond);
    }

    private void printReport(Run run, double ceiling) {
        double holdsPerSecond = run.accepted() / run.seconds();
        double rejectedPerSecond = run.rejected() / run.seconds();
        System.out.println();
        System.out.printf("hot event: %,d seats in %d sections; %,d warm-up + %,d measured hold commands of 2 %s seats%n",
                run.sections() * HotEventWorkload.SEATS_PER_SECTION, run.sections(), warmupHolds, holds, bestAvailable ? "best-available" : "named");
        System.out.printf("exactly_once_v2, commit every %d ms, transactional stores %s%n", commitIntervalMs, transactionalStores ? "on" : "off");
        System.out.printf("%-34s %,14.0f%n", "successful holds/s", holdsPerSecond);
        System.out.printf("%-34s %,14.0f%n", "rejected holds/s (seat taken)", rejectedPerSecond);
        System.out.printf("%-34s %,14d / %,d%n", "accepted / rejected", run.accepted(), run.rejected());
        System.out.printf("%-34s %,14.2f%n", "measured seconds", run.seconds());
        System.out.printf("%-34s %,14.0f%n", "produce ceiling records/s", ceiling);
        ResourceMeter.Usage usage = run.usage();
        double commandsPerSecond = (run.accepted() + run.rejected()) / run.seconds();
        System.out.printf("%-34s %,14.2f%n", "records produced per command", usage.producedRecords() / holds);
        System.out.printf("%-34s %s%n", "stream thread time", run.threadTime());
        printCpu("stream thread CPU", usage.streamThreadCores(), commandsPerSecond);
        printCpu("streams producer I/O thread CPU", usage.producerIoCores(), commandsPerSecond);
        printCpu("other Java threads CPU", usage.otherJavaThreadsCores(), commandsPerSecond);
        printCpu("JIT, GC, RocksDB native threads", usage.jvmOwnThreadsCores(), commandsPerSecond);
        printCpu("engine JVM CPU (all of the above)", usage.engineJvmCores(), commandsPerSecond);
        printCpu("broker CPU", usage.brokerCores(), commandsPerSecond);
        printCpu("machine CPU busy", usage.machineCores(), commandsPerSecond);
    }

    private static void printResult(Measured measured) {
        System.out.printf("RESULT holds_per_s=%.0f produce_ceiling_per_s=%.0f ratio=%.3f%n", measured.holdsPerSecond(), measured.ceiling(),
                measured.holdsPerSecond() / measured.ceiling());
    }
}
