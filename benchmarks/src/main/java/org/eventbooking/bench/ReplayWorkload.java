package org.eventbooking.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.eventbooking.domain.BookingDecider;
import org.eventbooking.domain.BookingEvolver;
import org.eventbooking.domain.Decision;
import org.eventbooking.domain.Section;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.InMemoryTable;
import org.eventbooking.state.Table;

/**
 * A realistic log made the way the engine makes it: commands decided by {@link BookingDecider}
 * against the state, and the accepted events evolved into it, so the log is a valid history and
 * the generator's tables are the live state it leads to. Sign-ups, events going on sale, best
 * available holds of 1–4 seats across many events, and a while later each hold's outcome: paid and
 * confirmed (some then cancelled and refunded), declined then expired, released, or expired.
 */
final class ReplayWorkload {

    private static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
    private static final Duration STEP = Duration.ofMillis(100);
    private static final int HOLD_TTL_SECONDS = 900;
    // Outcomes come this many bookings after their hold: minutes later, within the hold's lifetime.
    private static final int OUTCOME_DELAY = 2_000;

    private final BookingDecider decider = BookingDecider.withContractLimits();
    private final BookingTables tables = BookingTables.inMemory();
    private final Table<UserAccount> users = new InMemoryTable<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Deque<SeatsHeld> pending = new ArrayDeque<>();
    // Holds left to expire, in expiry order (one TTL for all): the engine's expiry index.
    private final Deque<SeatsHeld> expiring = new ArrayDeque<>();
    private final List<String> eventIds = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private Instant now = T0;
    private long commands;

    /** Writes events to {@code log} until {@code events} were written. */
    void generate(int eventCount, int userCount, long events, Consumer<LogEvent> log) {
        long[] written = {0};
        Consumer<LogEvent> counting = event -> {
            log.accept(event);
            written[0]++;
        };
        for (int u = 0; u < userCount && written[0] < events; u++) {
            UserRegistered registered = new UserRegistered("user-" + u, "user" + u + "@example.com", "user" + u, "customer",
                    "$2a$10$benchmarkhash" + u, tick());
            users.put(registered.email(), UserAccount.from(registered));
            userIds.add(registered.userId());
            counting.accept(registered);
        }
        for (int e = 0; e < eventCount && written[0] < events; e++) {
            String eventId = "ev-" + e;
            eventIds.add(eventId);
            decide(new CreateEvent("create-" + e, "organizer-" + e % 20, eventId, "Concert " + e, "Arena " + e % 7,
                    T0.plus(Duration.ofDays(90)), "EUR", HOLD_TTL_SECONDS, 10,
                    List.of(new Section("FLOOR", 8_000, 100, 40), new Section("BALCONY", 4_500, 60, 40)), null), counting);
        }
        while (written[0] < events) {
            while (!expiring.isEmpty() && !expiring.peekFirst().expiresAt().isAfter(now)) {
                decide(new ExpireHold("expire-" + expiring.peekFirst().bookingId(), BookingCommand.SYSTEM_USER,
                        expiring.peekFirst().eventId(), expiring.removeFirst().bookingId()), counting);
            }
            if (pending.size() >= OUTCOME_DELAY || random.nextInt(3) > 0) {
                if (!pending.isEmpty()) {
                    resolve(pending.removeFirst(), counting);
                    continue;
                }
            }
            hold(counting);
        }
    }

    private void hold(Consumer<LogEvent> log) {
        String eventId = eventIds.get(random.nextInt(eventIds.size()));
        String userId = userIds.get(random.nextInt(userIds.size()));
        String section = random.nextInt(3) == 0 ? "BALCONY" : "FLOOR";
        List<BookingEvent> events = decide(new HoldBestAvailable(id("hold"), userId, eventId, eventId + ".b" + commands, section,
                1 + random.nextInt(4)), log);
        events.stream().filter(SeatsHeld.class::isInstance).map(SeatsHeld.class::cast).forEach(pending::addLast);
    }

    private void resolve(SeatsHeld hold, Consumer<LogEvent> log) {
        int outcome = random.nextInt(100);
        String paymentId = "pay-" + hold.bookingId();
        if (outcome < 50) {
            pay(hold, paymentId, true, log);
            if (outcome < 8) {
                decide(new CancelBooking(id("cancel"), hold.userId(), hold.eventId(), hold.bookingId(), false), log);
            }
        } else if (outcome < 60) {
            pay(hold, paymentId, false, log);
            expiring.addLast(hold);
        } else if (outcome < 75) {
            decide(new ReleaseHold(id("release"), hold.userId(), hold.eventId(), hold.bookingId(), false), log);
        } else {
            expiring.addLast(hold);
        }
    }

    private void pay(SeatsHeld hold, String paymentId, boolean succeeds, Consumer<LogEvent> log) {
        decide(new RequestPayment(id("payment"), hold.userId(), hold.eventId(), hold.bookingId(), paymentId), log);
        decide(new RecordPaymentOutcome(id("outcome"), "payments", hold.eventId(), hold.bookingId(), paymentId, succeeds,
                hold.totalCents(), hold.currency(), succeeds ? null : "card declined"), log);
    }

    private List<BookingEvent> decide(BookingCommand command, Consumer<LogEvent> log) {
        Decision decision = decider.decide(tables, command, tick());
        if (!(decision instanceof Decision.Accepted accepted)) {
            return List.of();
        }
        BookingEvolver.evolveAll(tables, accepted.events()).forEach(tables::apply);
        accepted.events().forEach(log);
        return accepted.events();
    }

    private Instant tick() {
        now = now.plus(STEP);
        return now;
    }

    private String id(String kind) {
        return kind + "-" + ++commands;
    }

    /** The live state the log leads to, as the engine's processors would hold it. */
    BookingTables tables() {
        return tables;
    }

    Table<UserAccount> users() {
        return users;
    }
}
