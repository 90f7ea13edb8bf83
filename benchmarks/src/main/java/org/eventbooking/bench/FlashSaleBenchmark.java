package org.eventbooking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.eventbooking.bench.flashsale.SaleChecks;
import org.eventbooking.gateway.GatewayConfig;
import org.eventbooking.gateway.GatewayNode;
import org.eventbooking.kafka.local.LocalKafkaCluster;
import org.eventbooking.sink.testsupport.ConnectWorkerProcess;
import org.eventbooking.sink.testsupport.PostgresServerProcess;
import org.eventbooking.topology.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A flash sale end to end: one event, a crowd that arrives at once through nginx (when installed)
 * and the HTTP API of a node (in-process, with Redis and a broker), holds and pays with the fake provider (payment intent,
 * checkout, signed webhook) or walks away, until the event is sold out; the reporting projection
 * runs in a Connect worker into PostgreSQL meanwhile. Then the sale is checked: sold out, no seat
 * sold twice, the counts add up, every confirmed booking in PostgreSQL.
 */
@Command(name = "flash-sale", mixinStandardHelpOptions = true,
        description = "A crowd buys out one event through the API and the fake payment provider; time to sell out, then the checks.")
final class FlashSaleBenchmark implements Callable<Integer> {

    private static final int ROWS = 50;
    private static final int SEATS_PER_ROW = 100;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ResultChart.Options chart;

    @Option(names = "--seats", defaultValue = "50000", description = "Seats of the event, in sections of 50 x 100 (default: ${DEFAULT-VALUE}).")
    int seats;

    @Option(names = "--customers", defaultValue = "5000", description = "Customers arriving when the sale opens (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--abandon-percent", defaultValue = "10", description = "Holds walked away from, left to expire (default: ${DEFAULT-VALUE}).")
    int abandonPercent;

    @Option(names = "--hold-ttl-seconds", defaultValue = "120",
            description = "Hold lifetime; longer than the queue in front of a busy node, or paid holds expire first (default: ${DEFAULT-VALUE}).")
    int holdTtlSeconds;

    @Option(names = "--connections", defaultValue = "64", description = "Requests on the wire at once, like a proxy's pool (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--commit-interval-ms", defaultValue = "" + GatewayConfig.DEFAULT_COMMIT_INTERVAL_MS, description = "Exactly-once commit interval of the node (default: ${DEFAULT-VALUE}).")
    long commitIntervalMs;

    @Option(names = "--timeout-minutes", defaultValue = "20",
            description = "Stop the crowd when not sold out by then; the checks then fail on 'sold out' (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--no-redis", description = "Run the node without Redis even when redis-server is installed.")
    boolean noRedis;

    @Option(names = "--no-nginx", description = "Send the crowd straight to the node even when nginx is installed.")
    boolean noNginx;

    @Override
    public Integer call() throws Exception {
        if (seats < SEATS_PER_ROW * ROWS || seats % (ROWS * SEATS_PER_ROW) != 0 || customers < 1) {
            throw new IllegalArgumentException("--seats: a multiple of " + ROWS * SEATS_PER_ROW + "; --customers at least 1");
        }
        try (KafkaOptions.WorkDir workDir = kafka.workDir("flash-sale");
             LocalKafkaCluster broker = kafka.startLocalBrokerUnlessGiven(workDir.resolve("kafka"));
             BenchNode.RedisHandle redis = BenchNode.RedisHandle.start(workDir.resolve("redis"), noRedis);
             PostgresServerProcess postgres = PostgresServerProcess.start();
             GatewayNode node = BenchNode.start("flash-sale", workDir.path(), kafka.bootstrap, redis, commitIntervalMs,
                     Map.of("BOOKING_FAKE_PROVIDER", "true"));
             ConnectWorkerProcess worker = ProjectionSink.start(kafka.bootstrap, postgres.url(),
                     List.of(Topics.EVENT_STREAMS.name(), Topics.BOOKING_EVENTS.name(), Topics.PAYMENT_EVENTS.name()), 2, 2000);
             CrowdEntrance entrance = CrowdEntrance.open(node, workDir.path(), noNginx)) {
            System.out.printf("kafka at %s, node at %s, postgres at %s%n", kafka.bootstrap, node.baseUrl(), postgres.url());
            SetupClient setup = new SetupClient(node.baseUrl());
            String organizer = setup.signUp("organizer@flash.example", "organizer");
            List<String> sections = new ArrayList<>();
            for (int s = 1; s <= seats / (ROWS * SEATS_PER_ROW); s++) {
                sections.add("S" + s);
            }
            String eventId = setup.createEvent(organizer, "Flash sale", sections, ROWS, SEATS_PER_ROW, holdTtlSeconds, 4);
            List<String> tokens = setup.signUpMany("fan", customers);
            // Setting up (sign-ups, the event) goes to the node directly; the sale through the entrance.
            SaleApi api = new SaleApi(entrance.gate(connections, 4, "flash-sale-client"), entrance.baseUrl(), eventId);

            long openNs = System.nanoTime();
            Timeline timeline = new Timeline("successful holds", openNs);
            FlashSaleCrowd crowd = new FlashSaleCrowd(api, sections, tokens, abandonPercent, timeline);
            System.out.printf("the sale opens: %,d seats in %d sections, %,d customers at once, %d%% walk away, holds last %d s%n",
                    seats, sections.size(), customers, abandonPercent, holdTtlSeconds);
            // The watcher has its own connection: in the crowd's queue it would see the sell-out late.
            SaleApi watcherApi = new SaleApi(entrance.gate(1, 1, "flash-sale-watcher"), entrance.baseUrl(), eventId);
            crowd.open(openNs);
            long soldOutNs;
            try {
                soldOutNs = watchUntilSoldOut(watcherApi, organizer, crowd, openNs);
            } finally {
                crowd.soldOut();
                awaitCrowdGone(crowd);
                crowd.close();
            }
            double sellOutSeconds = (soldOutNs - openNs) / 1e9;

            SaleChecks.Counts counts = SaleApi.counts(api.availability(organizer).get().body());
            Map<String, List<String>> confirmed = confirmedBookings(api, tokens, eventId);
            ProjectedSale projected = ProjectedSale.await(postgres.url(), eventId, confirmed.size());
            List<SaleChecks.Check> checks = SaleChecks.run(counts, confirmed, projected.confirmed(), projected.soldSeats());

            ResultChart.write(chart.file("flash-sale"), String.format("Flash sale: %,d seats, %,d customers at once", seats, customers),
                    "successful holds/s", List.of(timeline));
            printReport(crowd.tally(), sellOutSeconds, counts, confirmed.size(), projected, checks);
            boolean passed = SaleChecks.allPassed(checks);
            Histogram holds = crowd.tally().holdUs;
            long oversold = checks.stream().filter(c -> c.name().equals("no seat sold twice") && !c.passed()).count();
            System.out.printf("RESULT sell_out_s=%.1f holds_per_s=%.0f hold_p50_ms=%.1f hold_p99_ms=%.1f oversold=%d checks=%s%n",
                    sellOutSeconds, crowd.tally().held.sum() / sellOutSeconds, holds.getValueAtPercentile(50) / 1000.0,
                    holds.getValueAtPercentile(99) / 1000.0, oversold, passed ? "passed" : "FAILED");
            return passed ? 0 : 1;
        }
    }

    /**
     * Polls the counts every 500 ms and prints them each second; returns when every seat is sold,
     * or at the timeout: the checks then show how far the sale got.
     */
    private long watchUntilSoldOut(SaleApi api, String token, FlashSaleCrowd crowd, long openNs) throws Exception {
        long deadline = openNs + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        long nextPrint = openNs + TimeUnit.SECONDS.toNanos(1);
        long lastHeld = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            HttpResponse<String> response = api.availability(token).get();
            long now = System.nanoTime();
            if (response.statusCode() != 200) {
                continue;
            }
            SaleChecks.Counts counts = SaleApi.counts(response.body());
            if (counts.sold() == counts.capacity()) {
                return now;
            }
            if (now >= nextPrint) {
                long held = crowd.tally().held.sum();
                System.out.printf("  t=%4ds  sold %,7d  held %,6d  available %,7d  holds %,6d/s  hold p99 %,8.1f ms  errors %,d%n",
                        TimeUnit.NANOSECONDS.toSeconds(now - openNs), counts.sold(), counts.held(), counts.available(),
                        held - lastHeld, crowd.tally().holdUs.getValueAtPercentile(99) / 1000.0, crowd.tally().errors.sum());
                lastHeld = held;
                nextPrint += TimeUnit.SECONDS.toNanos(1) * Math.max(1, (now - nextPrint) / TimeUnit.SECONDS.toNanos(1) + 1);
            }
        }
        System.out.printf("not sold out after %d minutes; stopping the crowd and checking what was sold%n", timeoutMinutes);
        return System.nanoTime();
    }

    private static void awaitCrowdGone(FlashSaleCrowd crowd) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (crowd.active() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The engine's confirmed bookings of the event, as each customer's "my bookings" lists them. */
    private static Map<String, List<String>> confirmedBookings(SaleApi api, List<String> tokens, String eventId) {
        List<CompletableFuture<HttpResponse<String>>> pages = tokens.stream().map(api::myBookings).toList();
        Map<String, List<String>> confirmed = new HashMap<>();
        for (CompletableFuture<HttpResponse<String>> page : pages) {
            HttpResponse<String> response = page.join();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/me/bookings answered " + response.statusCode() + ": " + response.body());
            }
            for (JsonNode booking : SaleApi.read(response.body()).get("items")) {
                if (booking.get("eventId").asText().equals(eventId) && booking.get("status").asText().equals("CONFIRMED")) {
                    List<String> seats = new ArrayList<>();
                    booking.get("seats").forEach(seat -> seats.add(seat.asText()));
                    confirmed.put(booking.get("bookingId").asText(), seats);
                }
            }
        }
        return confirmed;
    }

    private void printReport(FlashSaleCrowd.Tally tally, double sellOutSeconds, SaleChecks.Counts counts, int confirmed,
                             ProjectedSale projected, List<SaleChecks.Check> checks) {
        System.out.println();
        System.out.printf("flash sale: %,d seats, %,d customers arriving at once, %d%% of holds abandoned, holds last %d s, %d connections%n",
                seats, customers, abandonPercent, holdTtlSeconds, connections);
        System.out.printf("%-40s %,12.1f s%n", "time to sell out", sellOutSeconds);
        System.out.printf("%-40s %,12.0f /s%n", "successful holds per second", tally.held.sum() / sellOutSeconds);
        System.out.printf("%-40s %,12d  (%,d seats)%n", "holds (201)", tally.held.sum(), tally.seatsHeld.sum());
        System.out.printf("%-40s %,12d%n", "holds refused (409, seats gone)", tally.refused.sum());
        System.out.printf("%-40s %,12d%n", "holds abandoned (left to expire)", tally.abandoned.sum());
        System.out.printf("%-40s %,12d%n", "paid at checkout", tally.paid.sum());
        System.out.printf("%-40s %,12d%n", "payment refused (hold gone)", tally.paymentRefused.sum());
        System.out.printf("%-40s %,12d%n", "availability looks while waiting", tally.availabilityChecks.sum());
        System.out.printf("%-40s %,12d %s%n", "errors (retried)", tally.errors.sum(), tally.errorKinds.isEmpty() ? "" : tally.errorKinds);
        System.out.printf("%-40s %,12d%n", "confirmed bookings (engine)", confirmed);
        System.out.printf("%-40s %,12.1f s after the sell-out%n", "PostgreSQL caught up", projected.catchUpSeconds());
        System.out.println("latency from the intended send time (open model), ms:");
        System.out.printf("  %-22s %10s %10s %10s %10s%n", "", "p50", "p90", "p99", "max");
        printLatency("hold", tally.holdUs);
        printLatency("payment intent", tally.paymentUs);
        printLatency("checkout (provider)", tally.checkoutUs);
        System.out.printf("counts at the end: %,d sold + %,d available + %,d held of %,d%n", counts.sold(), counts.available(),
                counts.held(), counts.capacity());
        System.out.println("checks:");
        for (SaleChecks.Check check : checks) {
            System.out.printf("  %-6s %-40s %s%n", check.passed() ? "ok" : "FAILED", check.name(), check.detail());
        }
    }

    private static void printLatency(String what, Histogram us) {
        System.out.printf("  %-22s %,10.1f %,10.1f %,10.1f %,10.1f%n", what, us.getValueAtPercentile(50) / 1000.0,
                us.getValueAtPercentile(90) / 1000.0, us.getValueAtPercentile(99) / 1000.0, us.getMaxValue() / 1000.0);
    }
}
