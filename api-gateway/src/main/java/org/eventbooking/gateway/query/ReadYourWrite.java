package org.eventbooking.gateway.query;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads a key a command has just written, waiting briefly until it shows. Interactive queries see
 * committed store state only (transactional stores, READ_COMMITTED), and a task commits its stores
 * just after the Kafka transaction whose committed reply a request waits for: for a few
 * milliseconds after that reply, the write is not readable yet.
 */
public final class ReadYourWrite {

    /** A store commit follows its transaction within milliseconds; a second also covers a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final long STEP_MS = 20;

    private ReadYourWrite() {
    }

    /** The first present result of {@code read}, or empty when nothing shows within a second. */
    public static <T> CompletableFuture<Optional<T>> await(Supplier<CompletableFuture<Optional<T>>> read) {
        return await(read, WITHIN);
    }

    static <T> CompletableFuture<Optional<T>> await(Supplier<CompletableFuture<Optional<T>>> read, Duration within) {
        return attempt(read, System.nanoTime() + within.toNanos());
    }

    private static <T> CompletableFuture<Optional<T>> attempt(Supplier<CompletableFuture<Optional<T>>> read, long deadline) {
        return read.get().thenCompose(found -> {
            if (found.isPresent() || System.nanoTime() - deadline >= 0) {
                return CompletableFuture.completedFuture(found);
            }
            Executor later = CompletableFuture.delayedExecutor(STEP_MS, TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> attempt(read, deadline));
        });
    }
}
