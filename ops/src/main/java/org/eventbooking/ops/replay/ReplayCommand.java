package org.eventbooking.ops.replay;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./booking replay state|projections}: rebuild derived state from the log. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild derived state from the log topics (the source of truth).",
        subcommands = {ReplayStateCommand.class, ReplayProjectionsCommand.class})
public final class ReplayCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
