package org.eventbooking.ops.replay;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.eventbooking.state.StoreNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./booking replay state}: every state store rebuilt from the log and verified by checksum. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {
            "Rebuild every state store of the booking engine from the log: refuses while nodes run; takes checksums of the"
                + " stores as nodes would restore them; folds event-streams and booking-events from offset 0; deletes the"
                + " stores' changelogs with Kafka's application reset tool and writes the folded stores into new ones;"
                + " deletes the nodes' local state on this host; reads the changelogs back and compares checksums.",
            "Commands are never decided again (the application's input offsets stay). The idempotency store"
                + " (command-outcomes) is kept: the replies it remembers are not in the log.",
            "Exit codes: 0 rebuilt and verified (identical, or repaired where the stores had drifted from the log),"
                + " 1 refused or failed (the message says what to do), 2 bad usage."})
public final class ReplayStateCommand extends OperatorCommand {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StreamsApplication application;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".local/state",
            description = "State directory of a node on this host, or a directory holding them; the application's"
                    + " local state below it is deleted after the rebuild (repeatable; default: ${DEFAULT-VALUE})."
                    + " Nodes on other hosts must start with an empty state directory.")
    List<Path> stateDirs;

    @Option(names = "--check", description = "Only compare the stores with the log's fold; change nothing (exit 1 when they differ).")
    boolean checkOnly;

    @Override
    protected int execute() {
        PrintWriter out = out();
        long start = System.nanoTime();
        try (Admin admin = kafka.reachableAdmin()) {
            StateRebuild rebuild = new StateRebuild(admin, kafka.bootstrap(), application, System.err);
            StateRebuild.Outcome outcome = checkOnly ? rebuild.check() : rebuild.rebuild(stateDirs);
            printTable(out, outcome);
            double seconds = (System.nanoTime() - start) / 1e9;
            return checkOnly ? checkVerdict(out, outcome) : rebuildVerdict(out, outcome, seconds);
        }
    }

    private static void printTable(PrintWriter out, StateRebuild.Outcome outcome) {
        out.printf("%-22s %-26s %-26s %s%n", "store", "before (entries:sum)", "fold of the log", "rebuilt changelog read back");
        for (String store : StoreNames.REBUILT_BY_REPLAY) {
            out.printf("%-22s %-26s %-26s %s%n", store, outcome.before().tables().get(store), outcome.rebuilt().tables().get(store),
                    readBack(outcome, store));
        }
    }

    private static String readBack(StateRebuild.Outcome outcome, String store) {
        if (outcome.written().isEmpty()) {
            return "-";
        }
        return outcome.verified(store) ? "as written" : "DIFFERS from what was written";
    }

    private static int checkVerdict(PrintWriter out, StateRebuild.Outcome outcome) {
        if (outcome.identical()) {
            out.printf(Locale.ROOT, "replay state: IDENTICAL - the stores equal the fold of %,d events%n", outcome.events());
            return OK;
        }
        out.printf(Locale.ROOT, "replay state: DIFFERENT - %s differ from the fold of %,d events; ./booking replay state rebuilds them%n",
                String.join(", ", outcome.differingStores()), outcome.events());
        return FAILED;
    }

    private static int rebuildVerdict(PrintWriter out, StateRebuild.Outcome outcome, double seconds) {
        int stores = StoreNames.REBUILT_BY_REPLAY.size();
        if (!outcome.verified()) {
            out.printf(Locale.ROOT, "replay state: FAILED - the rebuilt changelogs differ from the fold of %,d events;"
                    + " keep the nodes stopped and run the replay again%n", outcome.events());
            return FAILED;
        }
        if (outcome.identical()) {
            out.printf(Locale.ROOT, "replay state: OK - %d stores rebuilt from %,d events in %.1f s and verified; identical to the"
                    + " stores before%n", stores, outcome.events(), seconds);
        } else {
            out.printf(Locale.ROOT, "replay state: REPAIRED - %d stores rebuilt from %,d events in %.1f s and verified; before,"
                    + " %s differed from the log%n", stores, outcome.events(), seconds, String.join(", ", outcome.differingStores()));
        }
        return OK;
    }
}
