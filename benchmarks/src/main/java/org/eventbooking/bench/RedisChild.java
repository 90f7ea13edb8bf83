package org.eventbooking.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} child process without persistence, so the node runs with its
 * cache, rate limiter and token denylist as in production. Optional: without Redis the node fails
 * open, which makes holds cheaper and the figures optimistic.
 */
final class RedisChild implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A started server, or empty when {@code redis-server} is not on PATH. */
    static Optional<RedisChild> startIfInstalled(Path dir) throws IOException, InterruptedException {
        Optional<Path> executable = onPath("redis-server");
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        int port = freePort();
        Process process = new ProcessBuilder(List.of(executable.get().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        RedisChild redis = new RedisChild(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!redis.answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                redis.close();
                throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log"));
            }
            Thread.sleep(20);
        }
        return Optional.of(redis);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return "+PONG\r\n".equals(new String(in.readNBytes(7), StandardCharsets.US_ASCII));
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
