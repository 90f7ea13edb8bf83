package org.eventbooking.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.eventbooking.domain.EventRules;
import org.eventbooking.gateway.GatewayConfig;
import org.eventbooking.gateway.GatewayNode;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * End-to-end hold latency: one node in-process behind its real HTTP API, with Redis and a broker,
 * under an open-model load of best-available holds of 2 seats on hot events. Unlike the topology
 * benchmark it includes HTTP, auth, the rate limiter, the command round trip through Kafka and
 * the reply consumer, which is what a customer waits for.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = "Latency of POST /api/events/{id}/holds through one in-process node at a fixed arrival rate.")
final class HttpBenchmark implements Callable<Integer> {

    private static final int SECTIONS = 10;
    private static final int ROWS = 100;
    private static final int SEATS_PER_ROW = 100;
    private static final int SEATS_PER_HOLD = 2;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--rate", defaultValue = "2000", description = "Holds offered per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    // Two minutes: on two cores the JIT compilers of the node and the broker take about that long
    // to settle under load, and until then they take a large share of the CPU.
    @Option(names = "--warmup-seconds", defaultValue = "120",
            description = "Warm-up seconds, the rate rising linearly from 0 to --rate (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--users", defaultValue = "200", description = "Customers the holds are spread over (default: ${DEFAULT-VALUE}).")
    int users;

    /** The node's own default (BOOKING_COMMIT_INTERVAL_MS), not the topology benchmark's throughput-oriented one. */
    @Option(names = "--commit-interval-ms", defaultValue = "" + GatewayConfig.DEFAULT_COMMIT_INTERVAL_MS,
            description = "Exactly-once commit interval of the node (default: ${DEFAULT-VALUE}, as the node).")
    long commitIntervalMs;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "Stream threads of the node (BOOKING_STREAM_THREADS; default: ${DEFAULT-VALUE}, as the node).")
    int streamThreads;

    @Option(names = "--clients", defaultValue = "4",
            description = "HttpClient instances the load is spread over; each reads and records its responses on one selector thread (default: ${DEFAULT-VALUE}).")
    int clients;

    // Each request in flight holds two descriptors in this process (client and server socket); 4,000
    // stays well inside the usual 20,000 limit, beyond which even class loading fails.
    @Option(names = "--connections", defaultValue = "400",
            description = "requests on the wire at once, like a proxy's keep-alive pool; more wait their turn (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--max-in-flight", defaultValue = "4000",
            description = "Requests beyond this many unanswered ones are not sent but counted as errors (shed), so an overloaded node"
                    + " fails the run instead of exhausting file descriptors (default: ${DEFAULT-VALUE}).")
    long maxInFlight;

    @Mixin
    ResultChart.Options chart;

    @Option(names = "--no-redis", description = "Run the node without Redis even when redis-server is installed.")
    boolean noRedis;

    @Override
    public Integer call() throws Exception {
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0 || users < 1 || clients < 1) {
            throw new IllegalArgumentException("--rate, --seconds, --users and --clients must be positive, --warmup-seconds not negative");
        }
        try (KafkaOptions.WorkDir workDir = kafka.workDir("http");
             LocalKafkaCluster broker = kafka.startLocalBrokerUnlessGiven(workDir.resolve("kafka"));
             BenchNode.RedisHandle redis = BenchNode.RedisHandle.start(workDir.resolve("redis"), noRedis);
             GatewayNode node = BenchNode.start("http", workDir.path(), kafka.bootstrap, redis, commitIntervalMs,
                     Map.of("BOOKING_STREAM_THREADS", Integer.toString(streamThreads)))) {
            System.out.printf("kafka at %s, node at %s, commit interval %d ms%n", kafka.bootstrap, node.baseUrl(), commitIntervalMs);
            Fixture fixture = prepare(new SetupClient(node.baseUrl()));
            List<HttpClient> httpClients = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                // Completions run on the client's selector thread: the callback only records the
                // latency, and handing each response to a pool thread cost the generator about
                // 0.3 ms of CPU per request, CPU the node on the same two cores then lacks.
                httpClients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run)
                        .build());
            }
            ResourceMeter meter = new ResourceMeter(node.streams());
            // A first snapshot loads the meter's classes now, not when an overloaded run has no descriptors left.
            ResourceMeter.Snapshot preload = meter.snapshot();
            AtomicReference<ResourceMeter.Snapshot> measuredStart = new AtomicReference<>();
            AtomicReference<Long> gcAtStart = new AtomicReference<>();
            OpenModelLoad load = new OpenModelLoad(httpClients, fixture::request, rate, maxInFlight, connections);
            System.out.printf("%d s warm-up ramping up to the rate, then %d s measured at %,.0f holds/s over %d HTTP clients, %d connections%n",
                    warmupSeconds, seconds, rate, clients, connections);
            OpenModelLoad.Result result = load.run(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds), System.out, () -> {
                measuredStart.set(meter.snapshot());
                gcAtStart.set(gcMillis());
            });
            ResourceMeter.Snapshot end = meter.snapshot();
            System.out.printf("node JVM+bench CPU over setup and warm-up: %.2f cores%n",
                    ResourceMeter.between(preload, measuredStart.get()).engineJvmCores());
            long gcMs = gcMillis() - gcAtStart.get();
            ResultChart.write(chart.file("http"), String.format("One node over HTTP: holds at %,.0f/s offered (open model)", rate),
                    "answered holds/s", List.of(result.timeline()));
            printReport(result, ResourceMeter.between(measuredStart.get(), end), meter.streamThreadTimeShares(), gcMs,
                    fixture.events().size(), redis.url().isPresent());
            return 0;
        }
    }

    /** The hot events and the customers' tokens; request {@code i} goes round-robin over events, then sections. */
    private record Fixture(String baseUrl, List<String> events, List<String> tokens, List<String> bodies) {

        HttpRequest request(long index) {
            int events = this.events.size();
            String event = this.events.get((int) (index % events));
            String body = bodies.get((int) ((index / events) % SECTIONS));
            return HttpRequest.newBuilder(URI.create(baseUrl + "/api/events/" + event + "/holds"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get((int) (index % tokens.size())))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private Fixture prepare(SetupClient api) throws Exception {
        long start = System.nanoTime();
        String organizer = api.signUp("organizer@bench.example", "organizer");
        List<String> tokens = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            tokens.add(api.signUp("customer-" + i + "@bench.example", "customer"));
        }
        List<String> sections = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int s = 1; s <= SECTIONS; s++) {
            sections.add("S" + s);
            bodies.add("{\"section\":\"S" + s + "\",\"quantity\":" + SEATS_PER_HOLD + "}");
        }
        int eventCount = eventsNeeded();
        List<String> events = new ArrayList<>();
        for (int e = 0; e < eventCount; e++) {
            events.add(api.createEvent(organizer, "Hot event " + (e + 1), sections, ROWS, SEATS_PER_ROW));
        }
        long holds = totalHolds();
        System.out.printf("%d customers, %d hot event(s) of %,d seats (%d sections of %dx%d); %,d holds of %d seats need %,d seats%s (setup %.1f s)%n",
                users, eventCount, SECTIONS * ROWS * SEATS_PER_ROW, SECTIONS, ROWS, SEATS_PER_ROW, holds, SEATS_PER_HOLD,
                holds * SEATS_PER_HOLD, eventCount > 1 ? ", so the holds go round-robin over the events" : "",
                (System.nanoTime() - start) / 1e9);
        return new Fixture(api.baseUrl(), events, tokens, bodies);
    }

    private long totalHolds() {
        return new ArrivalSchedule(rate, TimeUnit.SECONDS.toNanos(warmupSeconds), TimeUnit.SECONDS.toNanos(seconds)).totalRequests();
    }

    /**
     * Enough events that no section runs out of seats: a sold-out section would answer 409 at
     * once and make the run look faster than a real on-sale.
     */
    private int eventsNeeded() {
        long holds = totalHolds();
        int seatsPerSection = ROWS * SEATS_PER_ROW;
        if ((long) SECTIONS * seatsPerSection > EventRules.MAX_SEATS_PER_EVENT) {
            throw new IllegalStateException("the bench event is larger than an event may be");
        }
        int events = 1;
        while (SEATS_PER_HOLD * ceilDiv(holds, (long) events * SECTIONS) > seatsPerSection) {
            events++;
        }
        return events;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(ms -> ms > 0).sum();
    }

    private static void printCpu(String what, double cores) {
        System.out.printf("%-34s %,10.2f cores%n", what, cores);
    }

    private void printReport(OpenModelLoad.Result result, ResourceMeter.Usage usage, String threadTime, long gcMs,
                             int events, boolean withRedis) {
        OpenModelLoad.Phase measured = result.measured();
        Histogram latency = measured.latencyUs;
        Histogram lag = result.schedulerLagUs();
        System.out.println();
        System.out.printf("open model, %,.0f holds/s offered for %.0f s after %d s warm-up; %d event(s), %d customers, redis %s, commit %d ms, %d stream thread(s)%n",
                rate, result.seconds(), warmupSeconds, events, users, withRedis ? "on" : "off", commitIntervalMs, streamThreads);
        System.out.println("latency from the intended send time to the response (coordinated-omission free):");
        for (double p : new double[] {50, 90, 99, 99.9}) {
            System.out.printf("  p%-6s %,10.1f ms%n", formatPercentile(p), latency.getValueAtPercentile(p) / 1000.0);
        }
        System.out.printf("  %-7s %,10.1f ms%n", "max", latency.getMaxValue() / 1000.0);
        System.out.printf("%-34s %,10d%n", "sent", measured.sent.sum());
        System.out.printf("%-34s %,10.0f/s%n", "achieved (201+409 in the window)", result.achievedPerSecond());
        System.out.printf("%-34s %,10d%n", "201 held", measured.ok.sum());
        System.out.printf("%-34s %,10d%n", "409 seats taken (not errors)", measured.conflict.sum());
        System.out.printf("%-34s %,10d%n", "other 4xx (errors)", measured.clientErrors.sum());
        System.out.printf("%-34s %,10d%n", "5xx (errors)", measured.serverErrors.sum());
        System.out.printf("%-34s %,10d %s%n", "exceptions (errors)", measured.exceptions.sum(), measured.failures.isEmpty() ? "" : measured.failures);
        System.out.printf("%-34s %,10d%n", "shed, not sent (errors)", measured.shed.sum());
        System.out.printf("%-34s %s%n", "statuses", measured.statusCounts());
        System.out.printf("%-34s %,10d%n", "unanswered after drain", result.unfinished());
        System.out.printf("%-34s %,10.1f / %,.1f ms%n", "scheduler lag p99 / max", lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0);
        System.out.printf("%-34s %,10d ms (%.1f%% of the phase)%n", "GC time in this JVM", gcMs, gcMs / (10.0 * result.seconds()));
        System.out.printf("%-34s %s%n", "stream thread time", threadTime);
        printCpu("stream thread CPU", usage.streamThreadCores());
        printCpu("streams producer I/O thread CPU", usage.producerIoCores());
        printCpu("other Java threads (HTTP, client)", usage.otherJavaThreadsCores());
        printCpu("JIT, GC, RocksDB native threads", usage.jvmOwnThreadsCores());
        printCpu("bench+node JVM CPU", usage.engineJvmCores());
        printCpu("broker + redis CPU", usage.brokerCores());
        printCpu("machine CPU busy", usage.machineCores());
        System.out.printf("RESULT rate=%.0f achieved=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d%n", result.offeredPerSecond(),
                result.achievedPerSecond(), latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                measured.errors());
    }

    private static String formatPercentile(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
