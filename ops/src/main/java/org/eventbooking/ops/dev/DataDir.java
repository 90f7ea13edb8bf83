package org.eventbooking.ops.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one directory a dev platform keeps its data and logs in, held by one launcher at a time
 * (a file lock, released when the launcher's JVM exits, however it exits).
 *
 * <pre>
 * kafka/broker-1/{server.log, logs/}   the broker (kafka-local layout)
 * postgres/{data/, postgres.log}        the private PostgreSQL cluster (scripts/postgres.sh)
 * redis/redis.log                       Redis (nothing persisted: cache, rate limits, revoked tokens)
 * connect/{worker.properties, connect.log}
 * nodes/node-N/{state/, node.log}       each node's RocksDB state and log
 * dev.lock                              the launcher's pid while it runs
 * </pre>
 */
final class DataDir {

    private static final String LOCK_FILE = "dev.lock";

    private final Path root;
    // Held for the life of the launcher: the lock goes when the JVM exits, however it exits.
    private FileLock lock;

    private DataDir(Path root) {
        this.root = root;
    }

    /**
     * Takes the directory for this launcher, creating it if needed.
     *
     * @throws IllegalStateException when another launcher holds it
     */
    static DataDir acquire(Path dir) {
        DataDir dataDir = new DataDir(dir.toAbsolutePath().normalize());
        dataDir.lock();
        return dataDir;
    }

    Path root() {
        return root;
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path redis() {
        return root.resolve("redis");
    }

    Path connect() {
        return root.resolve("connect");
    }

    Path node(String nodeId) {
        return root.resolve("nodes").resolve(nodeId);
    }

    /** Deletes all data (not the lock): the next start is a first start. */
    void wipe() {
        try (Stream<Path> children = Files.list(root)) {
            children.filter(child -> !child.getFileName().toString().equals(LOCK_FILE)).forEach(DataDir::deleteRecursively);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + root, e);
        }
    }

    private void lock() {
        Path file = root.resolve(LOCK_FILE);
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalStateException("another ./booking dev (pid " + holder + ") runs on " + root
                        + ": stop it first (Ctrl-C in its terminal, or kill " + holder + "), or pass another --data-dir");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    // Null when another process holds it; the same JVM holding it (a test) says so by an exception.
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void deleteRecursively(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
