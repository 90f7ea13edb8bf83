package org.eventbooking.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eventbooking.bench.baseline.HoldDecision;
import org.eventbooking.bench.baseline.PostgresCpu;
import org.eventbooking.bench.baseline.PostgresHoldRepository;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The topology benchmark's workload against plain PostgreSQL: one row per seat, a hold is one
 * transaction with {@code SELECT … FOR UPDATE}, commits durable (fsync and synchronous_commit on).
 * Client threads are swept, since PostgreSQL's best figure depends on how many commits can share
 * one WAL flush; the best step is the baseline's figure.
 */
@Command(name = "postgres-baseline", mixinStandardHelpOptions = true,
        description = "Successful holds/s of a plain PostgreSQL implementation (row locks, durable commits) on the topology workload.")
final class PostgresBaselineBenchmark implements Callable<Integer> {

    static final String EVENT_ID = "hot-event";

    @Option(names = "--seats", defaultValue = "1000000", description = "Seats of the hot event (default: ${DEFAULT-VALUE}).")
    int seats;

    @Option(names = "--warmup-holds", defaultValue = "20000", description = "Holds before measuring, per thread count (default: ${DEFAULT-VALUE}).")
    int warmupHolds;

    @Option(names = "--holds", defaultValue = "100000", description = "Holds measured per thread count (default: ${DEFAULT-VALUE}).")
    int holds;

    @Option(names = "--threads", defaultValue = "4,16,48", split = ",",
            description = "Client thread counts to sweep, each on a fresh event (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Mixin
    ResultChart.Options chart;

    /** One thread count's measured phase. */
    record Step(int threads, double seconds, long held, long refused, Histogram transactionUs, Timeline timeline,
                double postgresCores, double benchCores, double machineCores, double walFlushesPerCommit) {

        double heldPerSecond() {
            return held / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Step> steps = sweep();
        Step best = best(steps);
        ResultChart.write(chart.file("postgres-baseline"), "PostgreSQL baseline: hot-event holds (FOR UPDATE, durable commits)",
                "successful holds/s", steps.stream().map(Step::timeline).toList());
        System.out.printf("RESULT holds_per_s=%.0f threads=%d p50_ms=%.2f p99_ms=%.2f%n", best.heldPerSecond(), best.threads(),
                best.transactionUs().getValueAtPercentile(50) / 1000.0, best.transactionUs().getValueAtPercentile(99) / 1000.0);
        return 0;
    }

    /** Runs every thread count on a private PostgreSQL and prints each step and the table. */
    List<Step> sweep() throws Exception {
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1 || t > 90)) {
            throw new IllegalArgumentException("--threads: 1 to 90 each (the private server allows 100 connections)");
        }
        HotEventWorkload workload = new HotEventWorkload(seats);
        List<HotEventWorkload.Hold> all = workload.holds(warmupHolds + holds);
        List<Step> steps = new ArrayList<>();
        try (PostgresServerProcess postgres = PostgresServerProcess.start();
             HikariDataSource pool = pool(postgres.url(), threads.stream().max(Integer::compare).orElseThrow())) {
            requireDurableCommits(pool);
            PostgresHoldRepository repository = new PostgresHoldRepository(pool);
            Optional<PostgresCpu> postgresCpu = PostgresCpu.of(pool);
            for (int threadCount : threads) {
                repository.recreateSchema();
                repository.createEvent(EVENT_ID, workload.sections(), HotEventWorkload.ROWS, HotEventWorkload.SEATS_PER_ROW);
                System.out.printf("%d threads: %,d seats loaded, %,d warm-up holds ...%n", threadCount, workload.capacity(), warmupHolds);
                run(repository, all.subList(0, warmupHolds), threadCount, null);
                Step step = measure(repository, all.subList(warmupHolds, all.size()), threadCount, pool, postgresCpu);
                steps.add(step);
                System.out.printf("  %2d threads: %,8.0f holds/s  (%,d held, %,d refused in %.1f s)%n", threadCount,
                        step.heldPerSecond(), step.held(), step.refused(), step.seconds());
            }
        }
        printTable(steps);
        return steps;
    }

    static Step best(List<Step> steps) {
        return steps.stream().max(Comparator.comparingDouble(Step::heldPerSecond)).orElseThrow();
    }

    private Step measure(PostgresHoldRepository repository, List<HotEventWorkload.Hold> measured, int threadCount,
                         HikariDataSource pool, Optional<PostgresCpu> postgresCpu) throws Exception {
        long walFlushes = walFlushes(pool);
        long commits = commits(pool);
        long postgresNs = postgresCpu.map(PostgresCpu::cpuNs).orElse(0L);
        long benchNs = ResourceMeter.processCpuNs();
        long machineNs = ResourceMeter.machineBusyNs();
        long start = System.nanoTime();
        Timeline timeline = new Timeline(threadCount + " threads", start);
        Counts counts = run(repository, measured, threadCount, timeline);
        double wall = System.nanoTime() - start;
        double flushesPerCommit = (double) (walFlushes(pool) - walFlushes) / Math.max(1, commits(pool) - commits);
        return new Step(threadCount, wall / 1e9, counts.held.sum(), counts.refused.sum(), counts.transactionUs, timeline,
                (postgresCpu.map(PostgresCpu::cpuNs).orElse(0L) - postgresNs) / wall,
                (ResourceMeter.processCpuNs() - benchNs) / wall,
                (ResourceMeter.machineBusyNs() - machineNs) / wall, flushesPerCommit);
    }

    private static final class Counts {
        final LongAdder held = new LongAdder();
        final LongAdder refused = new LongAdder();
        final Histogram transactionUs = new ConcurrentHistogram(60_000_000L, 3);
    }

    /** Closed loop: each thread takes the next hold as soon as its last one committed. */
    private static Counts run(PostgresHoldRepository repository, List<HotEventWorkload.Hold> holds, int threadCount,
                              Timeline timeline) throws Exception {
        Counts counts = new Counts();
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                workers.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < holds.size(); i = next.getAndIncrement()) {
                        HotEventWorkload.Hold hold = holds.get(i);
                        long begin = System.nanoTime();
                        HoldDecision decision = repository.hold(EVENT_ID, hold.bookingId(), hold.userId(), hold.seats());
                        long end = System.nanoTime();
                        (decision == HoldDecision.HELD ? counts.held : counts.refused).increment();
                        counts.transactionUs.recordValue(Math.min(60_000_000L, (end - begin) / 1000));
                        if (timeline != null && decision == HoldDecision.HELD) {
                            timeline.completed(end, end - begin);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            executor.shutdownNow();
        }
        return counts;
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        config.setPoolName("postgres-baseline");
        return new HikariDataSource(config);
    }

    /** The comparison is with durable commits; a server configured otherwise would flatter the baseline. */
    private static void requireDurableCommits(HikariDataSource pool) throws SQLException {
        for (String setting : List.of("fsync", "synchronous_commit")) {
            String value = single(pool, "SHOW " + setting);
            if (!"on".equals(value)) {
                throw new IllegalStateException(setting + " is " + value + ": the baseline needs durable commits (on)");
            }
        }
        System.out.printf("postgresql: fsync on, synchronous_commit on, wal_sync_method %s%n", single(pool, "SHOW wal_sync_method"));
    }

    private static long walFlushes(HikariDataSource pool) throws SQLException {
        return Long.parseLong(single(pool, "SELECT wal_sync FROM pg_stat_wal"));
    }

    private static long commits(HikariDataSource pool) throws SQLException {
        return Long.parseLong(single(pool, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
    }

    private static String single(HikariDataSource pool, String query) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private void printTable(List<Step> steps) {
        System.out.println();
        System.out.printf("hot event: %,d seats; %,d warm-up + %,d measured holds of 2 seats per thread count; one transaction each%n",
                new HotEventWorkload(seats).capacity(), warmupHolds, holds);
        System.out.printf("%8s %12s %12s %10s %10s %10s %10s %10s %12s%n", "threads", "held/s", "refused/s", "tx p50 ms",
                "tx p99 ms", "pg cores", "bench cor", "machine", "WAL flush/c");
        for (Step s : steps) {
            System.out.printf("%8d %,12.0f %,12.0f %10.2f %10.2f %10.2f %10.2f %10.2f %12.2f%n", s.threads(), s.heldPerSecond(),
                    s.refused() / s.seconds(), s.transactionUs().getValueAtPercentile(50) / 1000.0,
                    s.transactionUs().getValueAtPercentile(99) / 1000.0, s.postgresCores(), s.benchCores(), s.machineCores(),
                    s.walFlushesPerCommit());
        }
        System.out.println("(tx = one hold transaction, closed loop; WAL flush/c < 1 means commits share a flush)");
    }
}
