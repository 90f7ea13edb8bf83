package org.eventbooking.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.serde.Json;
import org.eventbooking.sink.testsupport.ConnectWorkerProcess;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.eventbooking.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Booking facts through the projection sink in a real Connect worker into a real PostgreSQL. Two
 * phases: throughput (every fact produced at once, time until the last is in PostgreSQL) and lag
 * (facts offered at a steady rate, time from send to visible in PostgreSQL).
 */
@Command(name = "projection", mixinStandardHelpOptions = true,
        description = "Events/s and lag of the PostgreSQL projection sink in a Connect worker.")
final class ProjectionBenchmark implements Callable<Integer> {

    private static final String TOPIC = Topics.BOOKING_EVENTS.name();
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    // Polling PostgreSQL costs it CPU the sink needs; 100 ms bounds the lag's overstatement.
    private static final long POLL_MILLIS = 100;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--events", defaultValue = "500000", description = "Facts of the throughput phase (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--lag-events", defaultValue = "200000", description = "Facts of the lag phase (default: ${DEFAULT-VALUE}).")
    int lagEvents;

    // The topology benchmark's rate (its best: 7,302 successful holds/s, a fact each), with room to spare.
    @Option(names = "--rate", defaultValue = "10000", description = "Facts/s offered in the lag phase (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of booking-events (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--tasks", defaultValue = "2", description = "Sink tasks (default: ${DEFAULT-VALUE}).")
    int tasks;

    // As sink-connectors/config/projection-sink.* set it for the worker.
    @Option(names = "--max-poll-records", defaultValue = "4000", description = "Records per put at most (default: ${DEFAULT-VALUE}).")
    int maxPollRecords;

    @Mixin
    ResultChart.Options chart;

    @Option(names = "--event-count", defaultValue = "200", description = "Distinct ticketed events the bookings spread over (default: ${DEFAULT-VALUE}).")
    int eventCount;

    @Override
    public Integer call() throws Exception {
        ProjectionWorkload workload = new ProjectionWorkload(eventCount, "bench");
        SendTimes sendTimes = new SendTimes(partitions, events + lagEvents);
        try (KafkaOptions.WorkDir workDir = kafka.workDir("projection");
             LocalKafkaCluster broker = kafka.startLocalBrokerUnlessGiven(workDir.resolve("kafka"));
             PostgresServerProcess postgres = PostgresServerProcess.start();
             KafkaProducer<String, byte[]> producer = producer(kafka.bootstrap)) {
            createTopics(kafka.bootstrap);
            produceCatalog(producer, workload);
            List<ProducerRecord<String, byte[]>> facts = serialise(workload, events + lagEvents);
            try (ConnectWorkerProcess worker = ProjectionSink.start(kafka.bootstrap, postgres.url(),
                    List.of(Topics.EVENT_STREAMS.name(), TOPIC), tasks, maxPollRecords)) {
                long start = System.nanoTime();
                Timeline timeline = new Timeline("facts visible in PostgreSQL", start);
                VisibilityWatcher watcher = new VisibilityWatcher(postgres.url(), TOPIC, sendTimes, partitions, timeline);

                System.out.printf("sending %d facts at once%n", events);
                System.out.flush();
                CompletableFuture<Void> sending = produceAsync(producer, facts, sendTimes, 0, events, 0);
                long end = watcher.awaitAll(events, POLL_MILLIS, DRAIN_TIMEOUT.toNanos());
                sending.join();
                double eventsPerSecond = events / ((end - start) / 1e9);
                report("throughput phase (" + events + " facts at once)", eventsPerSecond, watcher.lagMs());

                watcher.lagMs().reset();
                long lagStart = System.nanoTime();
                sending = produceAsync(producer, facts, sendTimes, events, lagEvents, rate);
                long lagEnd = watcher.awaitAll((long) events + lagEvents, POLL_MILLIS, DRAIN_TIMEOUT.toNanos());
                sending.join();
                Histogram lag = watcher.lagMs();
                report("lag phase (" + lagEvents + " facts at " + rate + "/s)", lagEvents / ((lagEnd - lagStart) / 1e9), lag);
                ResultChart.write(chart.file("projection"), "Projection sink: booking facts into PostgreSQL (throughput, then lag phase)",
                        "facts/s visible", List.of(timeline));
                System.out.printf("RESULT events_per_s=%.0f lag_p50_ms=%d lag_p99_ms=%d lag_rate_per_s=%d%n",
                        eventsPerSecond, lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), rate);
                System.out.flush();
            }
        }
        return 0;
    }

    private void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            topics.add(new NewTopic(TOPIC, partitions, (short) 1));
            topics.add(new NewTopic(Topics.EVENT_STREAMS.name(), partitions, (short) 1));
            topics.add(new NewTopic(Topics.DEAD_LETTERS.name(), 1, (short) 1));
            admin.createTopics(topics).all().get();
        }
    }

    private void produceCatalog(KafkaProducer<String, byte[]> producer, ProjectionWorkload workload) {
        int rows = (int) (2L * (events + lagEvents) / 2 / eventCount / ProjectionWorkload.SEATS_PER_ROW) + 1;
        for (int e = 0; e < eventCount; e++) {
            var created = workload.eventCreated(e, rows);
            producer.send(new ProducerRecord<>(Topics.EVENT_STREAMS.name(), created.eventId(), Json.write(created)));
        }
        producer.flush();
    }

    // Serialised before the clock starts: the sender stands in for the engine, which runs elsewhere in
    // production, so its JSON work should not take CPU from the sink and PostgreSQL being measured.
    private static List<ProducerRecord<String, byte[]>> serialise(ProjectionWorkload workload, long count) {
        List<ProducerRecord<String, byte[]>> facts = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            BookingEvent fact = workload.fact(i);
            facts.add(new ProducerRecord<>(TOPIC, fact.eventId(), Json.write(fact)));
        }
        return facts;
    }

    // The watcher polls while facts are sent: a fact's lag starts at its send, not at the end of sending.
    private static CompletableFuture<Void> produceAsync(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> facts,
                                                        SendTimes sendTimes, long from, long count, int perSecond) {
        return CompletableFuture.runAsync(() -> {
            try {
                produce(producer, facts, sendTimes, from, count, perSecond);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            }
        });
    }

    /** Sends facts [from, from + count); {@code perSecond} 0 means as fast as the producer goes. */
    private static void produce(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> facts, SendTimes sendTimes,
                                long from, long count, int perSecond) throws InterruptedException {
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
            long sent = System.nanoTime();
            producer.send(facts.get((int) (from + i)), (metadata, error) -> {
                if (error == null) {
                    sendTimes.record(metadata.partition(), metadata.offset(), sent);
                }
            });
        }
        producer.flush();
    }

    // Uncompressed, as the engine writes booking-events (StreamsSettings): the sink reads what it would read in production.
    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void report(String phase, double eventsPerSecond, Histogram lagMs) {
        System.out.printf("%-45s %,10.0f events/s   lag ms p50 %,6d  p90 %,6d  p99 %,6d  max %,6d%n", phase,
                eventsPerSecond, lagMs.getValueAtPercentile(50), lagMs.getValueAtPercentile(90),
                lagMs.getValueAtPercentile(99), lagMs.getMaxValue());
    }
}
