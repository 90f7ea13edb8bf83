package org.eventbooking.kafka.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * {@code cluster.properties} in the data dir: the cluster id, kept so a reused dir formats any
 * new node into the cluster its logs belong to, and the node count, which a static quorum
 * ({@code controller.quorum.voters}) fixes at format time.
 */
final class ClusterIdFile {

    static final String NAME = "cluster.properties";

    private ClusterIdFile() {
    }

    static String loadOrCreate(Path dataDir, int brokers) {
        Path file = dataDir.resolve(NAME);
        try {
            return Files.exists(file) ? load(file, brokers) : create(file, brokers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String load(Path file, int brokers) throws IOException {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            saved.load(in);
        }
        String savedBrokers = saved.getProperty("brokers");
        if (!Integer.toString(brokers).equals(savedBrokers)) {
            throw new LocalKafkaException("data dir " + file.getParent() + " holds a cluster of "
                    + savedBrokers + " brokers, asked for " + brokers
                    + ": use the same count or a fresh data dir");
        }
        return saved.getProperty("cluster.id");
    }

    private static String create(Path file, int brokers) throws IOException {
        Properties saved = new Properties();
        saved.setProperty("cluster.id", Uuid.randomUuid().toString());
        saved.setProperty("brokers", Integer.toString(brokers));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            saved.store(out, "kafka-local cluster in this directory");
        }
        return saved.getProperty("cluster.id");
    }
}
