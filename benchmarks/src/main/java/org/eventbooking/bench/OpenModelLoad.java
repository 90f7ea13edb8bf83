package org.eventbooking.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load: request {@code i} is due at a fixed time ({@link ArrivalSchedule}: a ramp
 * during the warm-up, then the rate) whatever happened to the earlier ones, as with many
 * independent users. A closed loop (send, wait, send) would slow
 * down with the server and hide its stalls (coordinated omission); here a stall shows up as the
 * latency of every request that was due during it, because latency runs from the due time, not
 * from the moment the request actually left.
 */
final class OpenModelLoad {

    /** Longest latency the histograms keep apart; anything slower is counted at this value. */
    private static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(2);
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(40);

    private final LongFunction<HttpRequest> requests;
    private final double rate;
    private final long maxInFlight;
    private final RequestGate gate;

    private final AtomicLong inFlight = new AtomicLong();
    /** Answered holds per second of the whole run (warm-up included) and their latency, for the chart. */
    private volatile Timeline timeline;
    /** 201 and 409 replies as they arrive, for the per-second "achieved" figure. */
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredInMeasuredWindow = new LongAdder();

    /**
     * @param maxInFlight a safety valve, not a shaping limit: once a node has fallen this far
     *                    behind, every further request would only open another socket until
     *                    the process runs out of file descriptors; such requests are not sent
     *                    and count as errors ("shed")
     * @param connections how many requests are on the wire at once, as through the keep-alive
     *                    pool of a proxy (nginx's {@code keepalive}): the JDK client opens a new
     *                    connection for each concurrent HTTP/1.1 request, and a node fielding
     *                    thousands of fresh connections measures connection set-up, not holds.
     *                    Requests over it queue here; their latency still runs from the due time
     * @param clients  several clients spread the connections over several selector threads: one
     *                 JDK client reads every response on a single thread
     * @param requests the request with a given index
     */
    OpenModelLoad(List<HttpClient> clients, LongFunction<HttpRequest> requests, double rate, long maxInFlight, int connections) {
        this.maxInFlight = maxInFlight;
        this.gate = new RequestGate(clients, connections);
        this.requests = requests;
        this.rate = rate;
    }

    /** What one phase (warm-up or measured) saw, counted by the due time of its requests. */
    static final class Phase {
        final String name;
        final Recorder recorder = new Recorder(MAX_LATENCY_US, 3);
        /** Filled from the recorder by the reporting thread only. */
        final Histogram latencyUs = new Histogram(MAX_LATENCY_US, 3);
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder conflict = new LongAdder();
        final LongAdder clientErrors = new LongAdder();
        final LongAdder serverErrors = new LongAdder();
        final LongAdder exceptions = new LongAdder();
        final LongAdder shed = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

        Phase(String name) {
            this.name = name;
        }

        long errors() {
            return clientErrors.sum() + serverErrors.sum() + exceptions.sum() + shed.sum();
        }

        Map<Integer, Long> statusCounts() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, n) -> counts.put(status, n.sum()));
            return counts;
        }

        private void drainRecorder() {
            latencyUs.add(recorder.getIntervalHistogram());
        }
    }

    /** The measured phase and the figures only the load generator knows. */
    record Result(Phase measured, double seconds, double offeredPerSecond, double achievedPerSecond,
                  Histogram schedulerLagUs, long unfinished, Timeline timeline) {
    }

    /**
     * Runs both phases, the warm-up ramping up to the rate; {@code atMeasuredStart} runs once on
     * the reporting thread when the measured phase begins.
     */
    Result run(Duration warmup, Duration measured, PrintStream out, Runnable atMeasuredStart) throws InterruptedException {
        Phase warm = new Phase("warm-up");
        Phase main = new Phase("measured");
        ArrivalSchedule arrivals = new ArrivalSchedule(rate, warmup.toNanos(), measured.toNanos());
        long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measuredFromNs = startNs + warmup.toNanos();
        long endNs = measuredFromNs + measured.toNanos();
        timeline = new Timeline("201 + 409 answers", startNs);
        // Only the scheduler thread writes it: how late requests left; if this grows, the
        // generator itself (CPU, GC) and not the node limits the run.
        Histogram lagUs = new Histogram(MAX_LATENCY_US, 3);

        Thread scheduler = new Thread(() -> schedule(arrivals, startNs, measuredFromNs, endNs, warm, main, lagUs), "open-model-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();

        long nextReport = startNs + TimeUnit.SECONDS.toNanos(1);
        long lastSent = 0;
        long lastAnswered = 0;
        boolean measuring = false;
        while (scheduler.isAlive()) {
            if (!measuring && System.nanoTime() >= measuredFromNs) {
                atMeasuredStart.run();
                measuring = true;
            }
            LockSupport.parkNanos(Math.max(0, nextReport - System.nanoTime()));
            if (System.nanoTime() < nextReport) {
                continue;
            }
            Phase phase = nextReport <= measuredFromNs ? warm : main;
            phase.drainRecorder();
            long sent = warm.sent.sum() + main.sent.sum();
            long answeredNow = answered.sum();
            out.printf("  %-8s t=%3ds  offered %,6d/s  achieved %,6d/s  in-flight %,6d  p99 so far %,8.1f ms  errors %,d%n",
                    phase.name, TimeUnit.NANOSECONDS.toSeconds(nextReport - startNs), sent - lastSent, answeredNow - lastAnswered,
                    inFlight.get(), phase.latencyUs.getValueAtPercentile(99) / 1000.0, phase.errors());
            lastSent = sent;
            lastAnswered = answeredNow;
            nextReport += TimeUnit.SECONDS.toNanos(1);
        }
        scheduler.join();
        if (!measuring) {
            atMeasuredStart.run();
        }
        // Replies still on their way belong to the measured phase: wait for them rather than
        // drop them, since dropping the slowest would flatter the tail.
        long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT_NS;
        while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        warm.drainRecorder();
        main.drainRecorder();
        double seconds = measured.toNanos() / 1e9;
        // Offered counts the shed requests too: they were due, the node just could not take them.
        return new Result(main, seconds, (main.sent.sum() + main.shed.sum()) / seconds, answeredInMeasuredWindow.sum() / seconds, lagUs, inFlight.get(),
                timeline);
    }

    private void schedule(ArrivalSchedule arrivals, long startNs, long measuredFromNs, long endNs, Phase warm, Phase main,
                          Histogram lagUs) {
        long total = arrivals.totalRequests();
        for (long i = 0; i < total; i++) {
            long dueNs = startNs + arrivals.dueNanos(i);
            long waitNs;
            while ((waitNs = dueNs - System.nanoTime()) > 0) {
                // parkNanos overshoots by tens of microseconds; that is small against the
                // 500 us between requests at 2,000/s and is measured as lag anyway.
                LockSupport.parkNanos(waitNs);
            }
            lagUs.recordValue(Math.min(MAX_LATENCY_US, (System.nanoTime() - dueNs) / 1000));
            send(i, dueNs, dueNs < measuredFromNs ? warm : main, measuredFromNs, endNs);
        }
    }

    private void send(long index, long dueNs, Phase phase, long measuredFromNs, long endNs) {
        if (inFlight.get() >= maxInFlight) {
            phase.shed.increment();
            return;
        }
        phase.sent.increment();
        inFlight.incrementAndGet();
        gate.send(requests.apply(index), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> complete(phase, dueNs, response, failure, measuredFromNs, endNs));
    }

    private void complete(Phase phase, long dueNs, HttpResponse<?> response, Throwable failure, long measuredFromNs, long endNs) {
        long now = System.nanoTime();
        inFlight.decrementAndGet();
        // Failures are recorded too: a request that timed out was slow, not absent.
        phase.recorder.recordValue(Math.max(0, Math.min(MAX_LATENCY_US, (now - dueNs) / 1000)));
        if (failure != null) {
            phase.exceptions.increment();
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            phase.failures.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder()).increment();
            return;
        }
        int status = response.statusCode();
        phase.statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (status == 201 || status == 409) {
            (status == 201 ? phase.ok : phase.conflict).increment();
            answered.increment();
            timeline.completed(now, now - dueNs);
            if (now >= measuredFromNs && now < endNs) {
                answeredInMeasuredWindow.increment();
            }
        } else if (status >= 500) {
            phase.serverErrors.increment();
        } else {
            phase.clientErrors.increment();
        }
    }
}
