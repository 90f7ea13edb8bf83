package org.eventbooking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Utils;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import picocli.CommandLine.Option;

/** Where the benchmark's Kafka is: a broker it starts itself (default) or an existing cluster. */
final class KafkaOptions {

    @Option(names = "--bootstrap", description = "Use this Kafka cluster instead of starting a local broker.")
    String bootstrap;

    @Option(names = "--kafka-heap", defaultValue = "-Xmx1g", description = "Heap of the local broker (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--work-dir", description = "Directory for broker data, state stores and logs, kept afterwards"
            + " (default: a fresh temp dir, deleted at the end).")
    Path workDir;

    /** A started cluster, or null when {@code --bootstrap} names one. */
    LocalKafkaCluster startLocalBrokerUnlessGiven(Path dataDir) {
        if (bootstrap != null) {
            return null;
        }
        LocalKafkaCluster kafka = LocalKafkaCluster.builder().brokers(1).dataDir(dataDir).heap(heap).build();
        kafka.start();
        bootstrap = kafka.bootstrapServers();
        return kafka;
    }

    /** {@code --work-dir}, or a fresh temp dir that closing deletes: a run's broker log and stores take hundreds of MB. */
    WorkDir workDir(String benchmark) throws IOException {
        if (workDir != null) {
            return new WorkDir(workDir, false);
        }
        WorkDir temporary = new WorkDir(Files.createTempDirectory("bench-" + benchmark), true);
        // Also when the run is interrupted (Ctrl-C), which skips the close.
        Runtime.getRuntime().addShutdownHook(new Thread(temporary::deleteQuietly, "bench-work-dir-cleanup"));
        return temporary;
    }

    record WorkDir(Path path, boolean temporary) implements AutoCloseable {

        Path resolve(String child) {
            return path.resolve(child);
        }

        @Override
        public void close() throws IOException {
            if (temporary) {
                Utils.delete(path.toFile());
            }
        }

        private void deleteQuietly() {
            try {
                close();
            } catch (IOException e) {
                System.err.println("could not delete the benchmark's work dir " + path + ": " + e.getMessage());
            }
        }
    }
}
