package org.eventbooking.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The engine and the PostgreSQL baseline on the same hot-event workload (same seats, same holds,
 * same seed) one after the other in one run, so both see the same machine.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Successful holds/s of the engine (topology) against the PostgreSQL baseline, same workload, same run.")
final class CompareBenchmark implements Callable<Integer> {

    @Option(names = "--seats", defaultValue = "1000000", description = "Seats of the hot event (default: ${DEFAULT-VALUE}).")
    int seats;

    // 100,000: after 20,000 the engine's JIT compilers still took about a third of its CPU in the measured phase.
    @Option(names = "--warmup-holds", defaultValue = "100000", description = "Holds before measuring, for each side (default: ${DEFAULT-VALUE}).")
    int warmupHolds;

    @Option(names = "--holds", defaultValue = "100000", description = "Holds measured, for each side (default: ${DEFAULT-VALUE}).")
    int holds;

    @Option(names = "--threads", defaultValue = "16,48", description = "Baseline client threads to sweep (default: ${DEFAULT-VALUE}).")
    String threads;

    @Mixin
    ResultChart.Options chart;

    @Override
    public Integer call() throws Exception {
        List<String> workload = List.of("--seats", Integer.toString(seats), "--warmup-holds", Integer.toString(warmupHolds),
                "--holds", Integer.toString(holds), "--results-dir", chart.resultsDir.toString());
        System.out.println("== engine (bench topology) ==");
        TopologyBenchmark topology = CommandLine.populateCommand(new TopologyBenchmark(), workload.toArray(String[]::new));
        TopologyBenchmark.Measured engine = topology.measure();
        System.out.println();
        System.out.println("== PostgreSQL baseline (bench postgres-baseline) ==");
        List<String> baselineArgs = new ArrayList<>(workload);
        baselineArgs.addAll(List.of("--threads", threads));
        PostgresBaselineBenchmark baseline = CommandLine.populateCommand(new PostgresBaselineBenchmark(), baselineArgs.toArray(String[]::new));
        PostgresBaselineBenchmark.Step best = PostgresBaselineBenchmark.best(baseline.sweep());

        double engineRate = engine.holdsPerSecond();
        double postgresRate = best.heldPerSecond();
        System.out.println();
        System.out.printf("same workload: %,d seats, %,d warm-up + %,d measured holds of 2 seats%n", seats, warmupHolds, holds);
        System.out.printf("%-40s %,12.0f%n", "engine successful holds/s", engineRate);
        System.out.printf("%-40s %,12.0f  (%d threads)%n", "PostgreSQL successful holds/s", postgresRate, best.threads());
        System.out.printf("%-40s %,12.2f%n", "engine / PostgreSQL", engineRate / postgresRate);
        // CPU per successful hold does not depend on what else the machine runs, unlike the rates.
        ResourceMeter.Usage usage = engine.run().usage();
        System.out.printf("%-40s %,12.0f us  (engine JVM %.2f + broker %.2f cores)%n", "engine CPU per successful hold",
                (usage.engineJvmCores() + usage.brokerCores()) * 1e6 / engineRate, usage.engineJvmCores(), usage.brokerCores());
        System.out.printf("%-40s %,12.0f us  (PostgreSQL %.2f + client JVM %.2f cores)%n", "PostgreSQL CPU per successful hold",
                (best.postgresCores() + best.benchCores()) * 1e6 / postgresRate, best.postgresCores(), best.benchCores());
        System.out.printf("%-40s %,12.2f / %.2f cores%n", "machine busy (engine run / baseline run)", usage.machineCores(),
                best.machineCores());
        Timeline postgres = best.timeline();
        ResultChart.write(chart.file("compare"), "Engine vs PostgreSQL baseline: hot-event holds, same workload",
                "successful holds/s", List.of(engine.run().timeline(), postgres.named("postgresql, " + best.threads() + " threads")));
        System.out.printf("RESULT engine_holds_per_s=%.0f postgres_holds_per_s=%.0f ratio=%.2f%n", engineRate, postgresRate,
                engineRate / postgresRate);
        return 0;
    }
}
