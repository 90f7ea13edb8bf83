package org.eventbooking.ops.dev;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eventbooking.ops.process.LogTail;

/**
 * Keeps the started parts of the platform: stops them in reverse order of start, and reports a part
 * whose process exits while it is not being stopped. Parts are added as soon as their processes
 * exist, so a stop during start-up still finds them.
 */
final class Supervisor {

    private static final int TAIL_LINES = 30;
    private static final Duration START_GRACE = Duration.ofSeconds(90);

    private final Deque<Part> parts = new ArrayDeque<>();
    private final Set<Long> expectedExits = ConcurrentHashMap.newKeySet();
    private final PrintStream progress;
    private final PrintStream errors;
    private boolean stopping;
    private int startsUnderWay;

    Supervisor(PrintStream progress, PrintStream errors) {
        this.progress = progress;
        this.errors = errors;
    }

    /**
     * Runs {@code starter} and takes the part it returns under watch; stops it at once when a stop
     * came in meanwhile. A stop waits for starts under way, so none leaves a process behind.
     */
    <P extends Part> P start(Supplier<P> starter) {
        synchronized (this) {
            if (stopping) {
                throw new StoppingException();
            }
            startsUnderWay++;
        }
        try {
            return watch(register(starter.get()));
        } finally {
            synchronized (this) {
                startsUnderWay--;
                notifyAll();
            }
        }
    }

    /** Takes a part to stop with the others, before it starts; {@link #watch} it once it runs. */
    <P extends Part> P register(P part) {
        synchronized (this) {
            if (!stopping) {
                parts.push(part);
                return part;
            }
        }
        part.stop();
        throw new StoppingException();
    }

    /** Reports the part's processes (as they are now) when one exits while no stop is under way. */
    <P extends Part> P watch(P part) {
        watch(part, part.processes());
        return part;
    }

    /** Reports these processes of the part (e.g. one restarted) when one exits while no stop is under way. */
    void watch(Part part, List<ProcessHandle> processes) {
        processes.forEach(process -> process.onExit().thenRun(() -> exited(part, process)));
    }

    /** These processes are about to be stopped or killed on purpose: their exit is not reported. */
    void expectExit(List<ProcessHandle> processes) {
        processes.forEach(process -> expectedExits.add(process.pid()));
    }

    /** Stops every part, the last started first; later calls do nothing. */
    void stopAll() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        // Not synchronized: exit reports of the processes being stopped must not wait for it.
        for (Part part : parts) {
            progress.println("booking dev: stopping " + part.name());
            part.stop();
        }
        awaitStartsUnderWay();
        progress.println("booking dev: stopped");
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    // A part still starting stops itself when it registers (see register); this waits for that.
    private synchronized void awaitStartsUnderWay() {
        long deadline = System.nanoTime() + START_GRACE.toNanos();
        try {
            while (startsUnderWay > 0 && System.nanoTime() < deadline) {
                wait(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exited(Part part, ProcessHandle process) {
        synchronized (this) {
            if (stopping || expectedExits.remove(process.pid())) {
                return;
            }
        }
        errors.println("booking dev: " + part.name() + " (pid " + process.pid() + ") exited unexpectedly; the rest keeps"
                + " running, Ctrl-C stops it. Last lines of " + part.log() + ":\n" + LogTail.of(part.log(), TAIL_LINES));
    }

    /** Thrown into a start-up that a stop (Ctrl-C, SIGTERM) overtook. */
    static final class StoppingException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StoppingException() {
            super("stopped while starting");
        }
    }
}
