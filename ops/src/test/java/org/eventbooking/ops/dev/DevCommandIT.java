package org.eventbooking.ops.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventbooking.gateway.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./booking dev} as a real process, as a developer or the browser tests would: waits for
 * the READY line, books a seat over HTTP, sees it projected into PostgreSQL, then stops it with
 * SIGTERM and checks that no process it started is left.
 */
class DevCommandIT {

    private static final Pattern READY = Pattern.compile(
            "^READY gateway=(http://127\\.0\\.0\\.1:\\d+) postgres=(jdbc:postgresql://\\S+\\?user=\\S+&password=\\S+) kafka=(\\S+)$");
    private static final Path REPO = repoRoot();

    @TempDir
    Path temp;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process launcher;

    @AfterEach
    void killLeftovers() {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void starts_the_platform_serves_a_hold_and_leaves_no_process_after_sigterm() throws Exception {
        // Run as root, PostgreSQL runs as the postgres user, who must be able to reach its data dir.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        int httpPort = freePort();
        launcher = launch("--data-dir", temp.resolve("data").toString(), "--fresh", "--http-port", Integer.toString(httpPort),
                "--kafka-port", Integer.toString(freePort()), "--connect-port", Integer.toString(freePort()));

        Matcher ready = awaitReadyLine();
        assertThat(ready.group(1)).isEqualTo("http://127.0.0.1:" + httpPort);
        assertThat(output.stream().filter(line -> line.startsWith("READY"))).hasSize(1);
        List<ProcessHandle> started = new ArrayList<>(launcher.descendants().toList());
        started.add(postmaster(temp.resolve("data")));
        assertThat(started).hasSizeGreaterThanOrEqualTo(5); // Kafka, PostgreSQL, Redis, Connect, node

        Api api = new Api(ready.group(1));
        String eventId = api.createEvent(api.signUp("organizer"), 2, 10, 600);
        Api.Reply hold = api.hold(api.signUp("customer"), eventId, Map.of("seats", List.of("FLOOR-1-1")), "dev-it-hold");
        assertThat(hold.status()).as("hold: %s", hold.body()).isEqualTo(201);
        assertThat(hold.body().get("status").asText()).isEqualTo("HELD");
        await("the hold projected into PostgreSQL").atMost(Duration.ofSeconds(60))
                .until(() -> seatStatus(ready.group(2), eventId, "FLOOR-1-1"), status -> status.equals(Optional.of("HELD")));

        // SIGTERM; through the handle, because Process#destroy also closes the pipe we read the last lines from.
        launcher.toHandle().destroy();
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).as("launcher stopped; output:\n%s", output).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hooks ran
        await("every started process gone").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
        assertThat(output).contains("booking dev: stopped");
    }

    @Test
    void refuses_to_start_when_a_port_is_taken_and_names_it() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            launcher = launch("--data-dir", temp.resolve("data").toString(), "--http-port", Integer.toString(taken.getLocalPort()));

            assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(String.join("\n", output))
                    .contains("port " + taken.getLocalPort() + " for node-1 HTTP (--http-port) is in use");
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("booking").toString(), "dev"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        builder.environment().put("BOOKING_SKIP_BUILD", "true"); // this IT runs inside the Maven build
        builder.environment().remove("BOOKING_POSTGRES_URL");
        builder.environment().remove("BOOKING_REDIS_URL");
        Process process = builder.start();
        Thread reader = new Thread(() -> collect(process), "dev-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void collect(Process process) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("[dev] " + line);
                output.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Matcher awaitReadyLine() {
        // Generous for a loaded 2-core machine; about a minute when it is quiet.
        await("READY line").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(launcher.isAlive()).as("launcher exited early; output:\n%s", String.join("\n", output)).isTrue();
            return output.stream().anyMatch(line -> READY.matcher(line).matches());
        });
        Matcher matcher = READY.matcher(output.stream().filter(line -> line.startsWith("READY")).findFirst().orElseThrow());
        assertThat(matcher.matches()).isTrue();
        return matcher;
    }

    // PostgreSQL is started by pg_ctl in a session of its own: not a descendant, found by its pid file.
    private static ProcessHandle postmaster(Path dataDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/data/postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static Optional<String> seatStatus(String jdbcUrl, String eventId, String seatId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement query = connection.prepareStatement("SELECT status FROM seats WHERE event_id = ? AND seat_id = ?")) {
            query.setString(1, eventId);
            query.setString(2, seatId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException notYet) {
            return Optional.empty(); // the sink creates the tables on its first start
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("booking"))) {
                return dir;
            }
        }
        throw new IllegalStateException("./booking not found above " + Path.of("").toAbsolutePath());
    }
}
