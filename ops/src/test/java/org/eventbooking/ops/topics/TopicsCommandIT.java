package org.eventbooking.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.ops.OpsMain;
import org.eventbooking.topology.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/** {@code ./booking topics} against a real broker: creates, verifies, and names what differs. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsCommandIT {

    private static LocalKafkaCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = LocalKafkaCluster.builder().startTimeout(Duration.ofMinutes(2)).build(); // a loaded CI host is slow
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** Exit code, standard output and standard error of one run. */
    private record Run(int exitCode, String out, String err) {
    }

    @Test
    @Order(1)
    void verify_only_on_an_empty_cluster_names_every_missing_topic() {
        Run run = topics("--verify-only");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("booking-events: missing", "dead-letters: missing");
    }

    @Test
    @Order(2)
    void creates_the_topics_then_finds_the_cluster_matching() {
        Run created = topics();
        Run verified = topics("--verify-only");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("created booking-events", "ok booking-events partitions=6 replication.factor=1");
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).doesNotContain("created").contains("ok payment-events");
    }

    @Test
    @Order(3)
    void a_topic_with_a_wrong_config_fails_and_the_difference_is_named() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BOOKING_EVENTS.name());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "86400000"), AlterConfigOp.OpType.SET)))).all().get();
        }

        // The broker learns of the change from the controller's metadata log a moment later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Run run = topics();
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("booking-events: retention.ms is 86400000, expected -1").doesNotContain("payment-events");
        });
    }

    @Test
    @Order(4)
    void other_partition_counts_than_the_cluster_has_are_named() {
        Run run = topics("--partitions", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("booking-commands: 6 partitions, expected 3");
    }

    @Test
    void an_unreachable_broker_is_reported_with_what_to_do() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = run("topics", "--bootstrap", "127.0.0.1:" + closedPort, "--timeout", "3");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Is a broker running at 127.0.0.1:" + closedPort);
    }

    private Run topics(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "topics";
        args[1] = "--bootstrap";
        args[2] = kafka.bootstrapServers();
        System.arraycopy(options, 0, args, 3, options.length);
        return run(args);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new OpsMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
