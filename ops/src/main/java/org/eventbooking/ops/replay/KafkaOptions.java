package org.eventbooking.ops.replay;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaFuture;
import picocli.CommandLine.Option;

/** Where the platform's Kafka is, and an admin client that fails fast with advice when it is not there. */
public final class KafkaOptions {

    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            defaultValue = "${env:BOOKING_KAFKA_BOOTSTRAP:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: BOOKING_KAFKA_BOOTSTRAP or ${DEFAULT-VALUE}).")
    String bootstrap;

    public String bootstrap() {
        return bootstrap;
    }

    /** An admin client on a broker that answered. */
    public Admin reachableAdmin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis());
        Admin admin = Admin.create(props);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) REACH_TIMEOUT.toMillis())).nodes()
                    .get(REACH_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return admin;
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new OperatorException("cannot reach Kafka at " + bootstrap + " within " + REACH_TIMEOUT.toSeconds()
                    + " s: start it (./booking kafka, ./booking dev) or point --bootstrap / BOOKING_KAFKA_BOOTSTRAP at it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admin.close(Duration.ZERO);
            throw new OperatorException("interrupted while reaching Kafka", e);
        }
    }

    /** The future's value; a failure becomes an operator error that says what was being done. */
    public static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new OperatorException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new OperatorException("cannot " + what + ": no answer from Kafka within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted while trying to " + what, e);
        }
    }
}
