package org.eventbooking.ops.dev;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eventbooking.ops.process.Ports;
import org.eventbooking.ops.topics.TopicReconciler;
import org.eventbooking.ops.topics.TopicsCommand;

/**
 * Starts the parts of the dev platform in dependency order, each under the supervisor as soon as it
 * exists: Kafka and PostgreSQL side by side, Redis, the topics, then the Connect worker and the nodes
 * side by side. Once started, it can crash and restart its parts one at a time (see {@link LocalPlatform}).
 */
final class DevPlatform {

    private static final Duration TOPICS_SEEN_TIMEOUT = Duration.ofSeconds(30);

    private final DevSettings settings;
    private final DataDir dataDir;
    private final Supervisor supervisor;
    private final PrintStream progress;
    private final List<NodePart> nodes = new ArrayList<>();
    private KafkaPart kafka;
    private PostgresPart postgres;
    private RedisPart redis;
    private String bootstrap;
    private String redisUrl;

    DevPlatform(DevSettings settings, DataDir dataDir, Supervisor supervisor, PrintStream progress) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.supervisor = supervisor;
        this.progress = progress;
    }

    /** Returns once every node answers {@code /ready} and the projection connector runs. */
    ReadyLine start(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ensurePackages(settings.packagesNeeded());
        // PostgreSQL (initdb on first use) starts while the broker JVM does: both take seconds.
        CompletableFuture<String> postgres = settings.externalPostgres().map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(this::startPostgres));
        kafka = startKafka(postgres, deadline);
        bootstrap = kafka.bootstrapServers();
        String postgresUrl = joined(postgres);
        redisUrl = settings.externalRedis().orElseGet(this::startRedis);
        provisionTopics(bootstrap);

        say("starting the Connect worker (REST on 127.0.0.1:" + settings.connectPort() + ") and "
                + settings.nodes() + " node(s) from port " + settings.firstHttpPort());
        ConnectPart connect = supervisor.start(() -> ConnectPart.launch(settings.repoRoot(), dataDir.connect(),
                settings.connectPort(), bootstrap, postgresUrl));
        for (int node = 1; node <= settings.nodes(); node++) {
            int number = node;
            nodes.add(supervisor.start(() -> launchNode(number, bootstrap, redisUrl)));
        }
        connect.awaitReady(deadline);
        say("Connect worker ready: the projection sink is RUNNING (log " + connect.log() + ")");
        for (NodePart node : nodes) {
            node.awaitReady(deadline);
            say(node.name() + " ready at " + node.baseUrl() + " (log " + node.log() + ")");
        }
        return new ReadyLine(nodes.get(0).baseUrl(), postgresUrl, bootstrap);
    }

    private KafkaPart startKafka(CompletableFuture<String> postgres, Instant deadline) {
        say("starting Kafka on 127.0.0.1:" + settings.kafkaPort() + " (data " + dataDir.kafka() + ")");
        try {
            KafkaPart kafka = supervisor.register(KafkaPart.create(dataDir.kafka(), settings.kafkaPort(), settings.brokers(),
                    Duration.between(Instant.now(), deadline)));
            kafka.start();
            return supervisor.watch(kafka);
        } catch (RuntimeException e) {
            // PostgreSQL must be under the supervisor before the failure stops everything.
            postgres.exceptionally(failed -> null).join();
            throw e;
        }
    }

    private static String joined(CompletableFuture<String> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private String startPostgres() {
        say("starting PostgreSQL (data " + dataDir.postgres() + ")");
        postgres = supervisor.start(() -> PostgresPart.start(dataDir.postgres(), settings.postgresPort()));
        return postgres.url();
    }

    private String startRedis() {
        int port = settings.redisPort() == 0 ? Ports.free() : settings.redisPort();
        say("starting Redis on 127.0.0.1:" + port);
        redis = supervisor.start(() -> RedisPart.start(dataDir.redis(), port));
        return redis.url();
    }

    private void provisionTopics(String bootstrap) {
        try (Admin admin = Admin.create(TopicsCommand.adminConfig(bootstrap, Duration.ofSeconds(30)))) {
            TopicReconciler reconciler = new TopicReconciler(admin);
            TopicReconciler.Outcome outcome = reconciler.reconcile(settings.topicPartitions(), settings.replicationFactor(), true);
            say(outcome.created().isEmpty() ? "topics verified" : "topics created: " + String.join(", ", outcome.created()));
            if (!outcome.created().isEmpty() && !outcome.matches()) {
                outcome = verifiedOnceSeen(reconciler);
            }
            if (!outcome.matches()) {
                throw new IllegalStateException("the topics in " + dataDir.kafka() + " differ from the platform's:\n  "
                        + String.join("\n  ", outcome.differences())
                        + "\nstart with --fresh for new topics, or pass the --partitions they were made with");
            }
        }
    }

    /**
     * Topics just created can read as missing for a moment: of several brokers, the one answering
     * may not have applied them from the metadata log yet. Asks again for a while; the last answer.
     */
    private TopicReconciler.Outcome verifiedOnceSeen(TopicReconciler reconciler) {
        AtomicReference<TopicReconciler.Outcome> last = new AtomicReference<>();
        try {
            Awaitility.await("the created topics seen by every broker").atMost(TOPICS_SEEN_TIMEOUT)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        last.set(reconciler.reconcile(settings.topicPartitions(), settings.replicationFactor(), false));
                        return last.get().matches();
                    });
        } catch (ConditionTimeoutException e) {
            // The differences are reported by the caller.
        }
        return last.get();
    }

    NodePart node(int number) {
        return nodes.get(number - 1);
    }

    /** Kills node {@code number} like a crash ({@code kill -9}). */
    void killNode(int number) {
        NodePart node = node(number);
        supervisor.expectExit(node.processes());
        node.kill();
    }

    /** Starts node {@code number} again on its port and state dir; returns once it is ready. */
    void restartNode(int number, Instant deadline) {
        NodePart node = supervisor.start(() -> launchNode(number, bootstrap, redisUrl));
        nodes.set(number - 1, node);
        node.awaitReady(deadline);
    }

    /** Stops every node cleanly (they leave the Streams group), the rest keeps running. */
    void stopNodes() {
        nodes.forEach(node -> {
            supervisor.expectExit(node.processes());
            node.stop();
        });
    }

    /** Kills broker {@code id} (1..N) like a crash ({@code kill -9}). */
    void killBroker(int id) {
        supervisor.expectExit(kafka.broker(id));
        kafka.killBroker(id);
    }

    /** Starts broker {@code id} again on its ports and data; returns once it serves clients. */
    void restartBroker(int id) {
        kafka.startBroker(id);
        supervisor.watch(kafka, kafka.broker(id));
    }

    /** Stops PostgreSQL (fast shutdown: connections drop), then starts it again on its port and data. */
    void restartPostgres() {
        requireStarted(postgres, "PostgreSQL", "BOOKING_POSTGRES_URL");
        supervisor.expectExit(postgres.processes());
        postgres.restart();
        supervisor.watch(postgres, postgres.processes());
    }

    /** Stops Redis; nodes run without it until {@link #resumeRedis()}. */
    void stopRedis() {
        requireStarted(redis, "Redis", "BOOKING_REDIS_URL");
        supervisor.expectExit(redis.processes());
        redis.pause();
    }

    /** Starts the stopped Redis again on its port, empty. */
    void resumeRedis() {
        requireStarted(redis, "Redis", "BOOKING_REDIS_URL");
        redis.resume();
        supervisor.watch(redis, redis.processes());
    }

    private static void requireStarted(Part part, String name, String variable) {
        if (part == null) {
            throw new IllegalStateException(name + " is external (" + variable + " is set): only servers the platform"
                    + " started itself can be restarted");
        }
    }

    private NodePart launchNode(int node, String bootstrap, String redisUrl) {
        String nodeId = settings.nodeId(node);
        Map<String, String> env = settings.nodeEnvironment(node, bootstrap, redisUrl, dataDir.node(nodeId).resolve("state"));
        return NodePart.launch(nodeId, settings.httpPort(node), settings.nodeJvmOptions(), env, settings.repoRoot(),
                dataDir.node(nodeId).resolve("node.log"));
    }

    // Installs what is missing from Debian packages; when everything is present it needs neither root nor network.
    private void ensurePackages(List<String> packages) {
        if (packages.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("bash", settings.repoRoot().resolve("scripts/ensure-packages.sh").toString()));
        command.addAll(packages);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("could not install " + String.join(" ", packages)
                        + " (see above); install them by hand: apt-get install " + String.join(" ", packages));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run scripts/ensure-packages.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Supervisor.StoppingException();
        }
    }

    private void say(String message) {
        progress.println("booking dev: " + message);
    }
}
