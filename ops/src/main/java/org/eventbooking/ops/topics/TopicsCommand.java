package org.eventbooking.ops.topics;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eventbooking.ops.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./booking topics}: creates missing topics and verifies that every topic is configured as the platform needs. */
@Command(name = "topics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Create the platform's missing topics, then verify every topic: partitions, replication factor, retention,"
                    + " cleanup policy and min.insync.replicas. Existing topics are never changed.",
            "Exit 0 when the cluster matches, 1 when it differs (each difference is named) or cannot be reached,"
                    + " 2 on bad usage.",
            ""})
public final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:BOOKING_KAFKA_BOOTSTRAP:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env BOOKING_KAFKA_BOOTSTRAP; default ${DEFAULT-VALUE}).")
    private String bootstrap;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "${env:BOOKING_TOPIC_PARTITIONS:-6}",
            description = "Partitions of every topic (env BOOKING_TOPIC_PARTITIONS; default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "${env:BOOKING_REPLICATION_FACTOR:-1}",
            description = "Replication factor of every topic (env BOOKING_REPLICATION_FACTOR; default ${DEFAULT-VALUE});"
                    + " min.insync.replicas is 2 from 3 on, else 1.")
    private short replicationFactor;

    @Option(names = "--verify-only", description = "Create nothing: a missing topic is a difference.")
    private boolean verifyOnly;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "${env:BOOKING_KAFKA_TIMEOUT_SECONDS:-30}",
            description = "How long to wait for the cluster to answer (env BOOKING_KAFKA_TIMEOUT_SECONDS; default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (partitions < 1 || replicationFactor < 1) {
            err.println("booking topics: --partitions and --replication-factor must be at least 1");
            return ExitCodes.USAGE;
        }
        TopicReconciler.Outcome outcome;
        try (Admin admin = Admin.create(adminConfig(bootstrap, Duration.ofSeconds(timeoutSeconds)))) {
            outcome = new TopicReconciler(admin).reconcile(partitions, replicationFactor, !verifyOnly);
        } catch (IllegalStateException e) {
            err.println("booking topics: " + e.getMessage());
            err.println("Is a broker running at " + bootstrap + "? Start one with ./booking dev (or ./booking kafka),"
                    + " or point --bootstrap / BOOKING_KAFKA_BOOTSTRAP at your cluster.");
            return ExitCodes.FAILED;
        }
        outcome.created().forEach(name -> out.println("created " + name));
        if (!outcome.matches()) {
            err.println("booking topics: the cluster at " + bootstrap + " differs from the platform's topics:");
            outcome.differences().forEach(difference -> err.println("  " + difference));
            err.println("Existing topics are never altered by this command: change them with Kafka's admin tools"
                    + " (partitions can only grow), or pass the --partitions/--replication-factor the cluster was made with.");
            return ExitCodes.FAILED;
        }
        for (NewTopic topic : outcome.desired()) {
            out.println("ok " + topic.name() + " partitions=" + topic.numPartitions() + " replication.factor="
                    + topic.replicationFactor() + " " + topic.configs());
        }
        return ExitCodes.OK;
    }

    /** An Admin client config whose every call gives up after {@code timeout}, so an absent broker is reported, not waited for. */
    public static Map<String, Object> adminConfig(String bootstrap, Duration timeout) {
        int millis = (int) timeout.toMillis();
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "booking-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
    }
}
