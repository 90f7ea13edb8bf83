package org.eventbooking.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./booking bench <scenario>}: each scenario prints a table and ends with a {@code RESULT} line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the booking engine on this machine.",
        subcommands = {TopologyBenchmark.class, HttpBenchmark.class, ProjectionBenchmark.class, ReplayBenchmark.class,
                PostgresBaselineBenchmark.class, CompareBenchmark.class, FlashSaleBenchmark.class})
public final class BenchMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * The JDK HTTP client hands every response to the common fork-join pool. With fewer than two
     * workers there (its default on a 2-core machine) CompletableFuture starts a new thread per
     * task instead: one thread per request, which costs the load generator more CPU than the
     * request itself. Set before anything touches the pool, unless the caller chose a value.
     */
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
