package org.eventbooking.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eventbooking.ops.dev.DevSettings;
import org.eventbooking.ops.dev.LocalPlatform;
import org.eventbooking.ops.process.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./booking chaos}: the platform as in production, in miniature (three brokers, two nodes with
 * standby replicas, the Connect worker, PostgreSQL, Redis), under a flash-sale crowd while its parts
 * crash; then the invariants are checked (see {@link ChaosRun}, {@link ChaosChecks}).
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "A system test under faults: 3 KRaft brokers (replication factor 3, min.insync.replicas 2), 2 nodes with standby"
                    + " replicas, the Connect worker with the PostgreSQL sink, PostgreSQL and Redis, all on free ports, under a"
                    + " flash-sale crowd through the HTTP API. Meanwhile: kill -9 a node and restart it, kill -9 a broker and"
                    + " restart it, restart PostgreSQL, stop Redis for a while.",
            "After the load it waits until no seat is held, then prints one PASS/FAIL line per check and",
            "  RESULT checks=<passed|failed> failover_ms=<n> ...",
            "Exit 0 when every check passed, 1 when one failed or the platform could not start, 2 on bad usage.",
            ""})
final class ChaosCommand implements Callable<Integer> {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--short", description = "The short run (within 5 minutes, each fault once; ./booking test runs it);"
            + " default the long run (a bigger sale, three rounds of faults).")
    boolean quick;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:BOOKING_CHAOS_DATA_DIR:-.local/chaos}",
            description = "Data and logs of the run, emptied at its start and kept after it (env BOOKING_CHAOS_DATA_DIR;"
                    + " default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--failover-target", paramLabel = "MILLIS", defaultValue = "${env:BOOKING_CHAOS_FAILOVER_TARGET_MS:-10000}",
            description = "The failover check passes when holds succeed again within this long after the node kill"
                    + " (env BOOKING_CHAOS_FAILOVER_TARGET_MS; default ${DEFAULT-VALUE}; the measured time is printed either way).")
    long failoverTargetMs;

    @Override
    public Integer call() throws Exception {
        long startNs = System.nanoTime();
        ChaosPlan plan = (quick ? ChaosPlan.quick() : ChaosPlan.full()).withFailoverTarget(Duration.ofMillis(failoverTargetMs));
        System.out.printf("chaos: %s run, data and logs in %s%n", plan.name(), dataDir.toAbsolutePath());
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(settings(), START_TIMEOUT, System.out, System.err);
        } catch (RuntimeException e) {
            System.err.println("chaos: the platform could not start: " + e.getMessage());
            System.out.println("RESULT checks=failed failover_ms=-1 mode=" + plan.name() + " error=platform_start");
            return 1;
        }
        // Its parts run in sessions of their own: Ctrl-C reaches only this JVM, which stops them.
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "chaos-stop"));
        try (platform) {
            return new ChaosRun(plan, platform, System.out, startNs).run();
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("chaos: the run broke off: " + e + " (logs in " + dataDir.toAbsolutePath() + ")");
            System.out.println("RESULT checks=failed failover_ms=-1 mode=" + plan.name() + " error=run_broke_off");
            return 1;
        }
    }

    private DevSettings settings() {
        Path root = DevSettings.locateRepoRoot();
        Map<String, String> nodes = Map.of(
                "BOOKING_APPLICATION_ID", ChaosRun.APPLICATION_ID,
                // The group notices a crashed node after this long, and the dead node's open transaction
                // (whose timeout follows it) stops holding back readers: most of the failover time.
                "BOOKING_SESSION_TIMEOUT_MS", Integer.toString(LocalPlatform.MIN_SESSION_TIMEOUT_MS),
                // Fewer, larger transactions than the default 20 ms: three brokers replicating each one
                // share two cores with everything else here.
                "BOOKING_COMMIT_INTERVAL_MS", "100",
                "BOOKING_HOLDS_PER_MINUTE", "1000000",
                "BOOKING_BCRYPT_COST", "4");
        return new DevSettings(root, root.resolve(dataDir), true, 2, 3, Ports.freeRange(2), Ports.freeRange(3), Ports.freeRange(1),
                Ports.freeRange(1), Ports.freeRange(1), 6, Optional.empty(), Optional.empty(), List.of("-Xmx512m"), nodes);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosCommand()).execute(args));
    }
}
