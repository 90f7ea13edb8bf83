package org.eventbooking.ops.dev;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One part of the dev platform (a server or node) that the {@link Supervisor} watches and stops. */
interface Part {

    String name();

    /** The processes that must keep running; one exiting on its own is reported. None for an external server. */
    List<ProcessHandle> processes();

    /** Where its output goes, named in messages when it fails. */
    Path log();

    /** Blocks until it serves; fails when it exits first or {@code deadline} passes. */
    default void awaitReady(Instant deadline) {
    }

    /** Stops it cleanly (forcibly after a grace period); idempotent. */
    void stop();
}
