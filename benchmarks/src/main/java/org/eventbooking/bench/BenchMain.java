package org.eventbooking.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./booking bench <scenario>}: each scenario prints a table and ends with a {@code RESULT} line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the booking engine on this machine.",
        subcommands = {TopologyBenchmark.class, HttpBenchmark.class, ProjectionBenchmark.class, ReplayBenchmark.class})
public final class BenchMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
