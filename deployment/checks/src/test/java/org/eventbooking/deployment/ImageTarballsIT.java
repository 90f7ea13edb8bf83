package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image tarballs Jib built in this reactor (deployment/*-image, package phase, hence an IT that
 * runs in verify): what a container runs, as whom, on which port, with which files.
 */
class ImageTarballsIT {

    @Test
    void the_node_image_runs_gateway_main_unprivileged_on_8080() {
        ImageTarball image = ImageTarball.of("gateway-image");
        JsonNode config = image.containerConfig();
        assertThat(texts(config.get("Entrypoint"))).startsWith("java").contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("org.eventbooking.gateway.GatewayMain");
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(texts(config.get("Env"))).contains("JAVA_HOME=/opt/java", "HEALTH_URL=http://127.0.0.1:8080/health",
                "BOOKING_STATE_DIR=/var/lib/booking/state");
        assertThat(image.manifest().get("RepoTags").get(0).asText()).startsWith(ImageTarball.repositoryOf("gateway-image") + ":");
        assertThat(image.layerPaths()).contains("opt/java/bin/java", "opt/probe/HttpProbe.class", "etc/passwd",
                "lib64/ld-linux-x86-64.so.2", "app/jib-classpath-file")
                .anyMatch(path -> path.matches("app/libs/api-gateway-.*\\.jar"));
    }

    @Test
    void the_connect_image_runs_a_distributed_worker_with_the_sink_plugin_on_its_plugin_path() {
        ImageTarball image = ImageTarball.of("connect-image");
        JsonNode config = image.containerConfig();
        List<String> entrypoint = texts(config.get("Entrypoint"));
        assertThat(entrypoint).startsWith("java").endsWith("org.apache.kafka.connect.cli.ConnectDistributed");
        assertThat(texts(config.get("Cmd"))).containsExactly("/etc/connect/connect-distributed.properties");
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("ExposedPorts").has("8083/tcp")).isTrue();
        assertThat(image.layerPaths()).contains("etc/connect/connect-distributed.properties", "etc/connect/projection-sink.json")
                .anyMatch(path -> path.matches("opt/connect/plugins/booking-projection-sink/sink-connectors-.*\\.jar"))
                .anyMatch(path -> path.matches("opt/connect/plugins/booking-projection-sink/postgresql-.*\\.jar"))
                // The plugin is isolated: none of its jars on the worker's own classpath.
                .noneMatch(path -> path.matches("app/libs/(sink-connectors|postgresql|flyway).*"));
        assertThat(Repository.read("sink-connectors/config/connect-distributed.properties")).contains("plugin.path=/opt/connect/plugins");
    }

    @Test
    void both_images_inherit_the_health_check_of_the_base_image() {
        for (String module : List.of("gateway-image", "connect-image")) {
            JsonNode healthcheck = ImageTarball.of(module).containerConfig().get("Healthcheck");
            assertThat(texts(healthcheck.get("Test"))).as(module).startsWith("CMD", "/opt/java/bin/java").endsWith("HttpProbe");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
