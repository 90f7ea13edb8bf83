package org.eventbooking.ops;

import org.eventbooking.ops.dev.DevCommand;
import org.eventbooking.ops.topics.TopicsCommand;
import org.eventbooking.ops.inspect.InspectCommand;
import org.eventbooking.ops.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator commands of {@code ./booking} (DESIGN §6) that run on the JVM: each is a subcommand
 * with {@code --help}; exit code 0 on success, 1 when the check or operation failed, 2 on bad usage.
 */
@Command(name = "booking", mixinStandardHelpOptions = true,
        description = "Operator commands of the Event Booking Platform.",
        subcommands = {DevCommand.class, TopicsCommand.class, ReplayCommand.class, InspectCommand.class})
public final class OpsMain implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpsMain()).execute(args));
    }
}
