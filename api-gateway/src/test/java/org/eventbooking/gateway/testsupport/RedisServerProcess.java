package org.eventbooking.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import redis.clients.jedis.RedisClient;

/**
 * A real {@code redis-server} child process on a loopback port, without persistence, for integration
 * tests and {@code ./booking dev}. It can be stopped and restarted on the same port to play a Redis outage.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final String EXECUTABLE = "redis-server";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Path executable;
    private final Path dir;
    private final int port;
    private final boolean ownsDir;
    private final List<String> commandPrefix;
    private Process process;

    private RedisServerProcess(Path executable, Path dir, int port, boolean ownsDir, List<String> commandPrefix) {
        this.executable = executable;
        this.dir = dir;
        this.port = port;
        this.ownsDir = ownsDir;
        this.commandPrefix = List.copyOf(commandPrefix);
    }

    /** Starts a server on a free port with a temp dir (deleted on close) and waits until it answers PING. */
    public static RedisServerProcess start() {
        try {
            return start(freePort(), Files.createTempDirectory("redis-it-"), true, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EXECUTABLE, e);
        }
    }

    /**
     * Starts a server on {@code port} that logs to {@code dir/redis.log} (kept on close) and waits until it
     * answers PING; {@code commandPrefix} goes before the command line (e.g. {@code setsid}).
     */
    public static RedisServerProcess start(int port, Path dir, List<String> commandPrefix) {
        return start(port, dir, false, commandPrefix);
    }

    private static RedisServerProcess start(int port, Path dir, boolean ownsDir, List<String> commandPrefix) {
        Path executable = findOnPath(EXECUTABLE);
        try {
            RedisServerProcess server = new RedisServerProcess(executable, Files.createDirectories(dir), port, ownsDir,
                    commandPrefix);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EXECUTABLE, e);
        }
    }

    /** The process id of the running server. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(EXECUTABLE + " on port " + port + " is not running");
        }
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null;
    }

    /** A plain client for a test to inspect or prepare the server with; the caller closes it. */
    public RedisClient client() {
        return RedisClient.create("127.0.0.1", port);
    }

    /** Kills the server and waits for it to exit; clients then see connections refused. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Starts the server again on the same port, empty (nothing is persisted), and waits until it answers. */
    public synchronized void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + EXECUTABLE, e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (!ownsDir) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private synchronized void launch() throws IOException {
        Path log = dir.resolve("redis.log");
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(List.of(executable.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitPong(log);
    }

    private void awaitPong(Path log) throws IOException {
        try {
            Awaitility.await(EXECUTABLE + " on port " + port).atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(EXECUTABLE + " on port " + port + " exited with "
                                    + process.exitValue() + "; its log:\n" + Files.readString(log));
                        }
                        return answersPing();
                    });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(EXECUTABLE + " on port " + port + " did not answer PING within "
                    + STARTUP_TIMEOUT + "; its log:\n" + Files.readString(log), e);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(name + " is not on PATH (" + path + "). The Redis integration tests "
                + "need a real server: install the Debian package with `apt-get install redis-server` "
                + "(or run scripts/ensure-packages.sh redis-server).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
