package org.eventbooking.ops.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eventbooking.ops.process.LogTail;

/** Waits for a part to serve: fails at once when one of its processes exits, and at the deadline otherwise. */
final class Readiness {

    private static final int TAIL_LINES = 40;
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private Readiness() {
    }

    static void await(Part part, String condition, Instant deadline, BooleanSupplier ready) {
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            Awaitility.await(part.name() + " " + condition)
                    .atMost(left.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : left)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        requireAlive(part);
                        return ready.getAsBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(part.name() + " is not " + condition + " in time (--start-timeout);"
                    + " last lines of " + part.log() + ":\n" + LogTail.of(part.log(), TAIL_LINES), e);
        }
    }

    static void requireAlive(Part part) {
        for (ProcessHandle process : part.processes()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(part.name() + " exited while starting; last lines of " + part.log()
                        + ":\n" + LogTail.of(part.log(), TAIL_LINES));
            }
        }
    }
}
