package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.process.ChildProcess;

/** The single KRaft broker of the dev platform (kafka-local), its data in the data dir. */
final class KafkaPart implements Part {

    private final LocalKafkaCluster cluster;
    private volatile boolean started;

    private KafkaPart(LocalKafkaCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * A broker on {@code port}, not started yet: the supervisor can stop it while it starts. It may
     * take what is left of {@code --start-timeout} (a loaded machine needs more than kafka-local's default).
     */
    static KafkaPart create(Path dataDir, int port, Duration startTimeout) {
        return new KafkaPart(LocalKafkaCluster.builder()
                .dataDir(dataDir)
                .clientPort(port)
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
        return started ? ProcessHandle.of(cluster.pid(1)).stream().toList() : List.of();
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
