package org.eventbooking.kafka.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One combined broker+controller node: its directory and its child JVM. */
final class BrokerNode {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerNode.class);
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    // slf4j-simple is the broker's backend (see pom.xml). The config dumps are silenced because
    // they are hundreds of lines per start and would push the cause of a failure out of the tail
    // we put into exception messages.
    private static final List<String> LOGGING = List.of(
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn");
    // StorageTool lives for a second: the C1-only JIT and serial GC start it fastest.
    private static final List<String> TOOL_JVM = List.of(
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 16 * 1024;

    private final BrokerPorts ports;
    private final Path dir;
    private final String classpath;
    private final String heap;
    private final List<String> commandPrefix;
    private final List<String> agentOptions;
    private Process process;
    private long lastPid = -1;
    private boolean stopRequested;
    private boolean closed;

    /** {@code agentOptions}: -javaagent options of the broker JVM only (not of StorageTool's). */
    BrokerNode(BrokerPorts ports, Path dir, String classpath, String heap, List<String> commandPrefix,
            List<String> agentOptions) {
        this.ports = ports;
        this.dir = dir;
        this.classpath = classpath;
        this.heap = heap;
        this.commandPrefix = commandPrefix;
        this.agentOptions = List.copyOf(agentOptions);
    }

    int nodeId() {
        return ports.nodeId();
    }

    BrokerPorts ports() {
        return ports;
    }

    Path logDir() {
        return dir.resolve("logs");
    }

    Path serverLog() {
        return dir.resolve("server.log");
    }

    private Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    void writeProperties(Map<String, String> props) {
        Properties file = new Properties();
        file.putAll(props);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(propertiesFile())) {
                file.store(out, "written by kafka-local on every cluster start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + propertiesFile(), e);
        }
    }

    /** Formats the log dir unless a previous run did; completes when StorageTool has exited. */
    CompletableFuture<Void> format(String clusterId) {
        // StorageTool writes meta.properties into each dir it formats. Formatting such a dir
        // again fails ("already formatted"); --ignore-formatted would still cost a JVM start.
        if (Files.exists(logDir().resolve("meta.properties"))) {
            return CompletableFuture.completedFuture(null);
        }
        Process tool = launch(TOOL_JVM, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", propertiesFile().toString());
        return tool.onExit().thenAccept(done -> {
            if (done.exitValue() != 0) {
                throw new LocalKafkaException("formatting node " + nodeId() + " failed (exit "
                        + done.exitValue() + "); tail of " + serverLog() + ":\n" + logTail());
            }
        });
    }

    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("node " + nodeId() + " is closed");
        }
        if (isRunning()) {
            return;
        }
        // Out of heap, a broker loses threads one by one and limps on; exiting shows in isRunning.
        List<String> jvm = new ArrayList<>(List.of(heap, "-XX:+ExitOnOutOfMemoryError"));
        jvm.addAll(LOGGING);
        jvm.addAll(agentOptions);
        process = launch(jvm, "kafka.Kafka", propertiesFile().toString());
        lastPid = process.pid();
        LOG.info("Kafka node {} started: port {} (controller {}), pid {}, log {}",
                nodeId(), ports.clientPort(), ports.controllerPort(), lastPid, serverLog());
    }

    /** SIGTERM, so the broker does a controlled shutdown; forced once {@code grace} is over. */
    synchronized void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** Sends SIGTERM without waiting, so several nodes can shut down side by side. */
    synchronized void requestStop() {
        if (isRunning()) {
            process.destroy();
            stopRequested = true;
        }
    }

    /** Waits for a requested stop; kills the JVM once {@code grace} is over. */
    synchronized void awaitStop(Duration grace) {
        if (!stopRequested) {
            return;
        }
        stopRequested = false;
        if (!waitFor(grace)) {
            LOG.warn("Kafka node {} did not stop within {}; killing it", nodeId(), grace);
            kill();
            return;
        }
        LOG.info("Kafka node {} stopped (exit {})", nodeId(), process.exitValue());
    }

    /** SIGKILL, as a crash would: no controlled shutdown, no flush. */
    synchronized void kill() {
        stopRequested = false;
        if (!isRunning()) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
        LOG.info("Kafka node {} killed (pid {})", nodeId(), process.pid());
    }

    /** Asks the node to stop for good: a later {@link #start()} fails, so none outlives a close. */
    synchronized void close() {
        closed = true;
        requestStop();
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        if (lastPid < 0) {
            throw new IllegalStateException("node " + nodeId() + " was never started");
        }
        return lastPid;
    }

    synchronized String exitDescription() {
        return process == null ? "never started" : "exit code " + process.exitValue();
    }

    /** True once the client port accepts TCP; the broker may still be catching up then. */
    boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BrokerPorts.HOST, ports.clientPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of server.log, for exception messages; reads only the file's end. */
    String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(serverLog().toFile(), "r")) {
            long from = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private Process launch(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(JAVA.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(serverLog().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass + " for node " + nodeId(), e);
        }
    }
}
