package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.process.ChildProcess;

/** The KRaft brokers of the dev platform (kafka-local), their data in the data dir. */
final class KafkaPart implements Part {

    private final LocalKafkaCluster cluster;
    private volatile boolean started;

    private KafkaPart(LocalKafkaCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Brokers from {@code port} on, not started yet: the supervisor can stop them while they start. Each
     * start (and restart after a crash, which first recovers every log) may take {@code startTimeout}:
     * what is left of {@code --start-timeout}, as a loaded machine needs more than kafka-local's default.
     */
    static KafkaPart create(Path dataDir, int port, int brokers, Duration startTimeout) {
        return new KafkaPart(LocalKafkaCluster.builder()
                .dataDir(dataDir)
                .clientPort(port)
                .brokers(brokers)
                // A crashed node's open transaction is aborted within a second of its timeout, not ten.
                .brokerProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                // Lets the nodes notice a crashed peer sooner than the broker's default floor of 6 s.
                .brokerProperty("group.min.session.timeout.ms", Integer.toString(LocalPlatform.MIN_SESSION_TIMEOUT_MS))
                .startTimeout(startTimeout)
                .commandPrefix(ChildProcess.SESSION_PREFIX)
                .closeOnJvmExit(false) // the supervisor's hook stops it, after its clients
                .build());
    }

    /** Starts the broker and returns once it serves clients. */
    void start() {
        cluster.start();
        started = true;
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String name() {
        return "Kafka";
    }

    /** Empty until started. */
    @Override
    public List<ProcessHandle> processes() {
        return started ? IntStream.rangeClosed(1, cluster.brokers()).mapToObj(this::broker).flatMap(List::stream).toList() : List.of();
    }

    /** The JVM of broker {@code id} (1..N), if it runs. */
    List<ProcessHandle> broker(int id) {
        return ProcessHandle.of(cluster.pid(id)).stream().toList();
    }

    void killBroker(int id) {
        cluster.killBroker(id);
    }

    void startBroker(int id) {
        cluster.startBroker(id);
    }

    @Override
    public Path log() {
        return cluster.dataDir().resolve("broker-1").resolve("server.log");
    }

    @Override
    public void stop() {
        cluster.close();
    }
}
