package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventbooking.ops.process.ProcessRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void the_node_image_runs_its_entrypoint_on_its_own_runtime_as_the_unprivileged_user(@TempDir Path dir) {
        // The image's layers unpacked as a root filesystem and its entrypoint run there (chroot, own
        // /proc), as the image's user, with the image's environment: nothing from this machine is used.
        ImageTarball image = ImageTarball.of("gateway-image");
        Path rootfs = unpack("gateway-image", image, dir);
        Map<String, String> environment = new HashMap<>();
        image.containerConfig().get("Env").forEach(e -> environment.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        // A production node without its secrets must refuse to start, saying what to set.
        environment.put("BOOKING_MODE", "production");
        ProcessRun node = inImage(rootfs, image, environment, texts(image.containerConfig().get("Entrypoint")));
        assertThat(node.exitCode()).as(node.toString()).isEqualTo(2);
        assertThat(node.output()).contains("BOOKING_JWT_SECRET must be set");

        // The image's health check command (after "CMD"), while nothing listens on 8080.
        List<String> healthcheck = texts(image.containerConfig().get("Healthcheck").get("Test"));
        ProcessRun probe = inImage(rootfs, image, environment, healthcheck.subList(1, healthcheck.size()));
        assertThat(probe.exitCode()).as(probe.toString()).isEqualTo(1);
        assertThat(probe.output()).contains("http://127.0.0.1:8080/health -> java.net.ConnectException");
    }

    private static Path unpack(String module, ImageTarball image, Path dir) {
        Path layers = dir.resolve("layers");
        Path rootfs = dir.resolve("rootfs");
        run(dir, "mkdir", "-p", layers.toString(), rootfs.resolve("proc").toString());
        run(dir, "tar", "-xf", Repository.root().resolve("deployment/" + module + "/target/jib-image.tar").toString(), "-C", layers.toString());
        for (JsonNode layer : image.manifest().get("Layers")) {
            run(dir, "tar", "-xzf", layers.resolve(layer.asText()).toString(), "-C", rootfs.toString());
        }
        return rootfs;
    }

    private static ProcessRun inImage(Path rootfs, ImageTarball image, Map<String, String> environment, List<String> command) {
        assertThat(System.getProperty("user.name")).as("running an image's root filesystem needs chroot, so root").isEqualTo("root");
        // Absolute paths: the environment is the image's, whose PATH does not reach this machine's tools.
        List<String> full = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--mount-proc=" + rootfs.resolve("proc"),
                "/usr/sbin/chroot", "--userspec=" + image.containerConfig().get("User").asText(), rootfs.toString()));
        full.addAll(command);
        return ProcessRun.of(rootfs, environment, full.toArray(String[]::new));
    }

    private static void run(Path dir, String... command) {
        ProcessRun run = ProcessRun.of(dir, command);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
