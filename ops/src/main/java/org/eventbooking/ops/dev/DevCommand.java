package org.eventbooking.ops.dev;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eventbooking.ops.ExitCodes;
import org.eventbooking.ops.process.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./booking dev}: the whole platform on this machine until Ctrl-C or SIGTERM (DESIGN §6).
 * The launcher stays a supervisor: it reports a part that dies and stops everything it started,
 * newest first, when it is stopped itself.
 */
@Command(name = "dev", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the whole platform locally until Ctrl-C or SIGTERM: a KRaft Kafka broker, PostgreSQL, Redis, the topics,"
                    + " a Connect worker with the PostgreSQL projection sink and N API nodes with the fake payment provider.",
            "It prints progress, then, once every node is ready and the projection connector is RUNNING, one line:",
            "  READY gateway=http://127.0.0.1:8080 postgres=<jdbc url> kafka=<bootstrap>",
            "Ctrl-C or SIGTERM stops everything it started, newest first. Data and logs stay in --data-dir between runs.",
            "Exit 1 when the platform cannot start (the message names the part and its log), 2 on bad usage.",
            ""})
public final class DevCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:BOOKING_DEV_DATA_DIR:-.local/dev}",
            description = "Where data and logs live (env BOOKING_DEV_DATA_DIR; default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--fresh", description = "Start with empty data: deletes what --data-dir holds.")
    private boolean fresh;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "${env:BOOKING_DEV_NODES:-1}",
            description = "API nodes, one Streams application sharing the work (env BOOKING_DEV_NODES; default ${DEFAULT-VALUE}).")
    private int nodes;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "${env:BOOKING_DEV_BROKERS:-1}",
            description = "KRaft brokers; from 3 on every topic has three replicas, two in sync for a write"
                    + " (env BOOKING_DEV_BROKERS; default ${DEFAULT-VALUE}).")
    private int brokers;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:BOOKING_DEV_HTTP_PORT:-8080}",
            description = "HTTP port of node 1; node N gets PORT+N-1 (env BOOKING_DEV_HTTP_PORT; default ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:BOOKING_DEV_KAFKA_PORT:-9092}",
            description = "Kafka client port (env BOOKING_DEV_KAFKA_PORT; default ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--connect-port", paramLabel = "PORT", defaultValue = "${env:BOOKING_CONNECT_PORT:-8083}",
            description = "Connect worker REST port (env BOOKING_CONNECT_PORT; default ${DEFAULT-VALUE}).")
    private int connectPort;

    @Option(names = "--redis-port", paramLabel = "PORT", defaultValue = "${env:BOOKING_DEV_REDIS_PORT:-0}",
            description = "Redis port, 0 for a free one (env BOOKING_DEV_REDIS_PORT; default ${DEFAULT-VALUE})."
                    + " With BOOKING_REDIS_URL set, that Redis is used and none is started.")
    private int redisPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "${env:BOOKING_DEV_POSTGRES_PORT:-0}",
            description = "PostgreSQL port, 0 for the last run's (else a free one) (env BOOKING_DEV_POSTGRES_PORT;"
                    + " default ${DEFAULT-VALUE}). With BOOKING_POSTGRES_URL set, that database is used and none is started.")
    private int postgresPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "${env:BOOKING_TOPIC_PARTITIONS:-6}",
            description = "Partitions of each topic when created (env BOOKING_TOPIC_PARTITIONS; default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "${env:BOOKING_DEV_START_TIMEOUT_SECONDS:-300}",
            description = "Give up starting after this long (env BOOKING_DEV_START_TIMEOUT_SECONDS; default ${DEFAULT-VALUE}).")
    private int startTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        DevSettings settings;
        try {
            settings = settings(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("booking dev: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<String> busy = portInUse(settings.portsToBind());
        if (busy.isPresent()) {
            err.println("booking dev: " + busy.get());
            return ExitCodes.FAILED;
        }
        DataDir dir;
        try {
            dir = DataDir.acquire(settings.dataDir());
        } catch (IllegalStateException e) {
            err.println("booking dev: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return run(settings, dir, out, err);
    }

    private int run(DevSettings settings, DataDir dir, PrintStream out, PrintStream err) throws InterruptedException {
        if (settings.fresh()) {
            out.println("booking dev: --fresh: deleting the data in " + dir.root());
            dir.wipe();
        }
        Supervisor supervisor = new Supervisor(out, err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stopAll();
            stopped.countDown();
        }, "booking-dev-stop"));
        ReadyLine ready;
        try {
            ready = new DevPlatform(settings, dir, supervisor, out).start(Duration.ofSeconds(startTimeoutSeconds));
        } catch (RuntimeException e) {
            if (supervisor.isStopping()) {
                stopped.await(); // Ctrl-C or SIGTERM while starting: the shutdown hook stops everything
                return ExitCodes.FAILED;
            }
            err.println("booking dev: could not start: " + e.getMessage());
            supervisor.stopAll();
            return ExitCodes.FAILED;
        }
        out.println(ready.format());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private DevSettings settings(Map<String, String> env) {
        Path root = DevSettings.locateRepoRoot();
        return new DevSettings(root, root.resolve(dataDir), fresh, nodes, brokers, httpPort, kafkaPort, connectPort, redisPort,
                postgresPort, partitions, Optional.ofNullable(env.get("BOOKING_POSTGRES_URL")),
                Optional.ofNullable(env.get("BOOKING_REDIS_URL")),
                Arrays.asList(env.getOrDefault("BOOKING_NODE_HEAP", "-Xmx1g").trim().split("\\s+")), Map.of());
    }

    private static Optional<String> portInUse(Map<Integer, String> ports) {
        return ports.entrySet().stream().filter(port -> !Ports.isFree(port.getKey())).findFirst()
                .map(port -> "port " + port.getKey() + " for " + port.getValue() + " is in use: stop what listens there"
                        + " (another ./booking dev or ./booking node?) or choose another port with that option");
    }
}
