package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A real broker with the Prometheus JMX exporter agent and the production rules file serves every
 * broker metric the dashboards and alerts use (prometheus/kafka-broker-metrics.txt).
 */
class BrokerMetricsIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path RULES = REPOSITORY.resolve("prometheus/jmx-exporter/kafka-broker.yml");

    @Test
    void a_broker_with_the_jmx_exporter_serves_the_broker_metrics_of_the_dashboards_and_alerts() throws Exception {
        List<String> wanted = brokerMetrics();
        String dashboardsAndRules = dashboardsAndRules();
        assertThat(wanted).isNotEmpty().as("each listed metric is used by a dashboard or an alert rule")
                .allMatch(dashboardsAndRules::contains);

        try (LocalKafkaCluster kafka = LocalKafkaCluster.builder().heap(KafkaTestClients.TEST_HEAP)
                .jmxExporter(RULES).build()) {
            kafka.start();
            produce(kafka, "metered", 10);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String exposition = scrape(kafka);
                assertThat(sampleNames(exposition)).containsAll(wanted).contains("jvm_memory_used_bytes");
                // One combined node: it is the active controller, and its partition is fully replicated.
                assertThat(exposition).contains("kafka_controller_kafkacontroller_activecontrollercount 1.0")
                        .contains("kafka_server_replicamanager_underreplicatedpartitions 0.0")
                        .containsPattern("kafka_server_brokertopicmetrics_messagesin_total [1-9]");
            });
        }
    }

    private static void produce(LocalKafkaCluster kafka, String topic, int records) throws Exception {
        try (Admin admin = KafkaTestClients.admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka, Map.of())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "seat-" + i, "held")).get();
            }
        }
    }

    private static String scrape(LocalKafkaCluster kafka) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(kafka.metricsUri(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample names of a text exposition: the first token of every line that is not a comment. */
    private static Set<String> sampleNames(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    private static List<String> brokerMetrics() throws IOException {
        return Files.readAllLines(REPOSITORY.resolve("prometheus/kafka-broker-metrics.txt")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String dashboardsAndRules() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path dir : List.of(REPOSITORY.resolve("grafana/dashboards"), REPOSITORY.resolve("prometheus/rules"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    text.append(Files.readString(file));
                }
            }
        }
        return text.toString();
    }
}
