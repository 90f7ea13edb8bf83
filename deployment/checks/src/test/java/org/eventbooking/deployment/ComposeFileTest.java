package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventbooking.gateway.GatewayConfig;
import org.eventbooking.ops.process.ProcessRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.prod.yml as docker-compose itself resolves it ({@code docker-compose config}: anchors
 * merged, variables from .env.example substituted): it is valid, names the services of the design, sets
 * every variable the node and the connector read, and runs only images we build or pinned public tags.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");
    // A release number (major.minor[.patch], optionally a distribution suffix): never latest or a bare major.
    private static final Pattern PINNED_TAG = Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?(-[a-z0-9]+)?");
    private static final List<String> GATEWAYS = List.of("gateway-1", "gateway-2", "gateway-green-1", "gateway-green-2");

    private static ProcessRun config;
    private static JsonNode services;

    @BeforeAll
    static void resolve() throws Exception {
        // --profile green: the blue-green nodes are checked like the others.
        config = ProcessRun.of(Repository.root(), "docker-compose", "--env-file", ".env.example", "--profile", "green",
                "-f", "docker-compose.prod.yml", "-f", "docker-compose.blue-green.yml", "config");
        assertThat(config.exitCode()).as(config.toString()).isZero();
        services = YAML.readTree(config.output()).get("services");
    }

    @Test
    void the_stack_has_the_services_of_the_design() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("gateway-1", "gateway-2", "connect", "kafka-1", "kafka-2", "kafka-3", "postgres", "redis",
                "nginx", "prometheus", "grafana", "jaeger", "pgadmin", "kafka-ui");
        assertThat(names).noneMatch(name -> name.contains("zookeeper"));
    }

    @Test
    void every_service_restarts_has_a_health_check_and_resource_limits() {
        services.fields().forEachRemaining(service -> {
            JsonNode spec = service.getValue();
            assertThat(spec.path("restart").asText()).as(service.getKey()).isEqualTo("unless-stopped");
            assertThat(spec.path("healthcheck").path("test").isArray()).as(service.getKey() + " health check").isTrue();
            assertThat(spec.has("mem_limit") && spec.has("cpus")).as(service.getKey() + " limits").isTrue();
        });
    }

    @Test
    void every_variable_a_node_reads_is_set_for_every_node() {
        Set<String> read = variablesReadByGatewayConfig();
        assertThat(read).contains("BOOKING_JWT_SECRET", "BOOKING_KAFKA_BOOTSTRAP");
        for (String gateway : GATEWAYS) {
            assertThat(names(services.get(gateway).get("environment"))).as(gateway).containsAll(read);
            assertThat(services.get(gateway).get("environment").get("BOOKING_MODE").asText()).isEqualTo("production");
        }
    }

    /** The names GatewayConfig asks its environment for, whatever their defaults. */
    private static Set<String> variablesReadByGatewayConfig() {
        Set<String> read = new TreeSet<>();
        GatewayConfig.fromEnvironment(new AbstractMap<>() {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return null;
            }

            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                return Set.of();
            }
        });
        return read;
    }

    @Test
    void every_variable_the_connector_config_references_is_set_for_the_worker() {
        Set<String> referenced = new TreeSet<>();
        for (String file : List.of("sink-connectors/config/projection-sink.json", "sink-connectors/config/connect-distributed.properties")) {
            Matcher matcher = ENV_REFERENCE.matcher(Repository.read(file));
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        assertThat(referenced).contains("BOOKING_POSTGRES_URL", "BOOKING_POSTGRES_PASSWORD");
        assertThat(names(services.get("connect").get("environment"))).containsAll(referenced);
    }

    @Test
    void the_reporting_database_compares_text_bytewise() {
        assertThat(services.get("postgres").get("environment").get("POSTGRES_INITDB_ARGS").asText()).contains("--lc-collate=C");
    }

    @Test
    void every_image_is_one_we_build_or_a_pinned_public_tag() {
        Set<String> ours = Set.of(ImageTarball.repositoryOf("gateway-image"), ImageTarball.repositoryOf("connect-image"));
        services.fields().forEachRemaining(service -> {
            String image = service.getValue().get("image").asText();
            String repository = image.substring(0, image.lastIndexOf(':'));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            if (repository.startsWith("event-booking/")) {
                assertThat(ours).as(service.getKey() + " runs " + image).contains(repository);
            } else {
                assertThat(tag).as(service.getKey() + " runs " + image + ": pin a release tag").matches(PINNED_TAG);
            }
        });
    }

    @Test
    void secrets_come_from_the_env_file_and_the_example_holds_none() {
        String compose = Repository.read("docker-compose.prod.yml");
        for (String secret : List.of("BOOKING_JWT_SECRET", "BOOKING_PAYMENT_WEBHOOK_SECRET", "POSTGRES_PASSWORD", "REDIS_PASSWORD",
                "GRAFANA_ADMIN_PASSWORD", "PGADMIN_PASSWORD")) {
            assertThat(compose).as(secret).contains("${" + secret + ":?");
            assertThat(Repository.read(".env.example")).contains(secret + "=CHANGE_ME");
        }
        // A placeholder cannot go live: a production node refuses secrets this short.
        assertThat(services.get("gateway-1").get("environment").get("BOOKING_JWT_SECRET").asText()).hasSizeLessThan(32);
    }

    @Test
    void the_observability_files_and_the_front_end_are_mounted_where_their_services_read_them() {
        assertThat(volumes("prometheus")).anyMatch(v -> v.endsWith("/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"))
                .anyMatch(v -> v.endsWith("/prometheus/rules:/etc/prometheus/rules:ro"));
        assertThat(volumes("grafana")).anyMatch(v -> v.endsWith("/grafana/provisioning:/etc/grafana/provisioning:ro"))
                .anyMatch(v -> v.endsWith("/grafana/dashboards:/var/lib/grafana/dashboards:ro"));
        assertThat(volumes("nginx")).anyMatch(v -> v.endsWith("/frontend/dist:/srv/booking/web:ro"))
                .anyMatch(v -> v.endsWith("/nginx/nginx.conf:/etc/nginx/nginx.conf:ro"));
        assertThat(Repository.read("nginx/conf.d/20-booking.conf")).contains("root /srv/booking/web;");
    }

    @Test
    void every_broker_serves_its_metrics_on_the_port_prometheus_scrapes() {
        assertThat(Repository.read("prometheus/prometheus.yml")).contains("kafka-1:7071", "kafka-2:7071", "kafka-3:7071");
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(services.get(broker).get("environment").get("KAFKA_OPTS").asText()).as(broker)
                    .isEqualTo("-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=7071:/opt/jmx-exporter/kafka-broker.yml");
            assertThat(volumes(broker)).as(broker)
                    .anyMatch(v -> v.endsWith("/deployment/target/jmx-exporter/jmx_prometheus_javaagent.jar:/opt/jmx-exporter/jmx_prometheus_javaagent.jar:ro"))
                    .anyMatch(v -> v.endsWith("/prometheus/jmx-exporter/kafka-broker.yml:/opt/jmx-exporter/kafka-broker.yml:ro"));
            // The health probe is a JVM too: with the agent it would fight the broker for port 7071.
            assertThat(services.get(broker).get("healthcheck").get("test").toString()).as(broker).contains("KAFKA_OPTS= ");
        }
    }

    private static List<String> volumes(String service) {
        List<String> volumes = new ArrayList<>();
        services.get(service).get("volumes").forEach(v -> volumes.add(v.asText()));
        return volumes;
    }

    private static Set<String> names(JsonNode environment) {
        Set<String> names = new TreeSet<>();
        environment.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
