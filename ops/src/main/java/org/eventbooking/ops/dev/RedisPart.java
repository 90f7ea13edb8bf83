package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.util.List;
import org.eventbooking.gateway.testsupport.RedisServerProcess;
import org.eventbooking.ops.process.ChildProcess;

/** The Redis of the dev platform: a child {@code redis-server} without persistence. */
final class RedisPart implements Part {

    private final RedisServerProcess server;
    private final Path dir;

    private RedisPart(RedisServerProcess server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Starts Redis on {@code port} and returns once it answers PING. */
    static RedisPart start(Path dir, int port) {
        return new RedisPart(RedisServerProcess.start(port, dir, ChildProcess.SESSION_PREFIX), dir);
    }

    String url() {
        return server.url();
    }

    /** Stops the server; clients see connections refused until {@link #resume()}. */
    void pause() {
        server.stop();
    }

    /** Starts it again on the same port, empty (nothing is persisted). */
    void resume() {
        server.restart();
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public List<ProcessHandle> processes() {
        return server.isRunning() ? ProcessHandle.of(server.pid()).stream().toList() : List.of();
    }

    @Override
    public Path log() {
        return dir.resolve("redis.log");
    }

    @Override
    public void stop() {
        server.close();
    }
}
