package org.eventbooking.kafka.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local cluster until SIGTERM or Ctrl-C, for manual use and benchmarks:
 * {@code java -cp <kafka-local jar and its deps> org.eventbooking.kafka.local.LocalKafkaMain
 * [--brokers N] [--data-dir DIR] [--heap -Xmx1g] [--jmx-exporter RULES.yml]}. Prints
 * {@code KAFKA_READY bootstrap=...} once every broker serves clients.
 */
public final class LocalKafkaMain {

    private static final String USAGE =
            "usage: LocalKafkaMain [--brokers N] [--data-dir DIR] [--heap -XmxSIZE] [--jmx-exporter RULES.yml]";

    private LocalKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafkaCluster cluster = parse(args).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "kafka-local-main-shutdown"));
        try {
            cluster.start();
        } catch (LocalKafkaException e) {
            System.err.println("Kafka did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("KAFKA_READY bootstrap=" + cluster.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private static LocalKafkaCluster.Builder parse(String[] args) {
        LocalKafkaCluster.Builder builder = LocalKafkaCluster.builder();
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null || args[i].equals("--help")) {
                exitWithUsage(args[i]);
            }
            switch (args[i]) {
                case "--brokers" -> builder.brokers(Integer.parseInt(value));
                case "--data-dir" -> builder.dataDir(Path.of(value));
                case "--heap" -> builder.heap(value);
                case "--jmx-exporter" -> builder.jmxExporter(Path.of(value));
                default -> exitWithUsage(args[i]);
            }
        }
        return builder;
    }

    private static void exitWithUsage(String arg) {
        System.err.println(arg.equals("--help") ? USAGE : "unexpected argument " + arg + "\n" + USAGE);
        System.exit(arg.equals("--help") ? 0 : 2);
    }
}
