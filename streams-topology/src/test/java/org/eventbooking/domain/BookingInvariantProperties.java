package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.NOW;
import static org.eventbooking.domain.DomainFixtures.ORGANIZER;
import static org.eventbooking.domain.DomainFixtures.nextCommandId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.SeatsHeld;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.HoldRef;
import org.eventbooking.state.StateChecksum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random venues and random command sequences from several customers, decided and applied step by
 * step: after every step the invariants of {@link BookingInvariants} hold, decide never throws nor
 * writes, and at the end replaying the accepted events gives the live state's checksum.
 */
class BookingInvariantProperties {

    private static final List<String> EVENTS = List.of("e1", "e2", "e404");
    private static final List<String> USERS = List.of("u0", "u1", "u2", "u3");
    private static final int OWNER = USERS.size();

    record Venue(List<Section> sections, int holdTtlSeconds, int maxSeatsPerBooking, int startsInSeconds) {
    }

    record Scenario(List<Venue> venues, List<Step> steps) {
    }

    sealed interface Step permits Hold, Best, Release, Expire, Confirm, Cancel, Tick, ExpireDue, Recreate {
    }

    /** {@code booking} below 85 takes a fresh booking id, else reuses one. */
    record Hold(int user, int event, int booking, List<String> seats) implements Step {
    }

    record Best(int user, int event, int booking, String section, int quantity) implements Step {
    }

    /** {@code actor} {@link #OWNER} is the booking's owner, else one of {@link #USERS}. */
    record Release(int actor, int event, int booking, boolean byAdmin) implements Step {
    }

    record Expire(int event, int booking) implements Step {
    }

    record Confirm(int event, int booking, int amountError, boolean rightCurrency) implements Step {
    }

    record Cancel(int actor, int event, int booking, boolean byAdmin) implements Step {
    }

    record Tick(int seconds) implements Step {
    }

    /** What the expiry punctuator does: expire every due hold. */
    record ExpireDue() implements Step {
    }

    record Recreate(int event) implements Step {
    }

    @Property(tries = 200)
    void every_step_keeps_seats_counts_and_expiries_consistent_and_replay_rebuilds_the_state(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run();
        for (int i = 0; i < 2; i++) {
            assertThat(run.decideAndApply(createEvent(EVENTS.get(i), scenario.venues().get(i)))).isInstanceOf(Decision.Accepted.class);
        }
        for (Step step : scenario.steps()) {
            run.perform(step);
        }

        BookingTables replayed = BookingTables.inMemory();
        for (BookingEvent event : run.engine.log()) {
            replayed.apply(BookingEvolver.evolve(replayed, event));
        }
        assertThat(StateChecksum.of(replayed.byName())).isEqualTo(run.engine.checksum());
        Statistics.label("outcome").coverage(coverage -> {
            for (String outcome : List.of("SeatsHeld", "HoldReleased", "HoldExpired", "BookingConfirmed", "BookingCancelled",
                    "SEATS_UNAVAILABLE", "DUPLICATE_SEAT", "UNKNOWN_SEAT", "NOT_OWNER", "AMOUNT_MISMATCH", "BOOKING_EXISTS",
                    "INVALID_BOOKING_STATE", "UNKNOWN_BOOKING", "TOO_MANY_SEATS", "INVALID_QUANTITY", "UNKNOWN_EVENT", "EVENT_EXISTS",
                    "UNKNOWN_SECTION", "EVENT_STARTED", "HOLD_EXPIRED", "INVALID_COMMAND")) {
                coverage.check(outcome).count(count -> count > 0);
            }
        });
    }

    private static CreateEvent createEvent(String eventId, Venue venue) {
        return new CreateEvent(nextCommandId(), ORGANIZER, eventId, "Show " + eventId, "Hall", NOW.plusSeconds(venue.startsInSeconds()),
                "EUR", venue.holdTtlSeconds(), venue.maxSeatsPerBooking(), venue.sections());
    }

    /** One engine run: turns abstract steps into commands against the bookings that exist by then. */
    private static final class Run {

        private final Engine engine = new Engine(BookingDecider.withContractLimits());
        private final Map<String, List<String>> bookingIds = new HashMap<>();
        private int nextBooking;

        void perform(Step step) {
            if (step instanceof Tick tick) {
                engine.advance(Duration.ofSeconds(tick.seconds()));
                BookingInvariants.check(engine.tables(), engine.now());
            } else if (step instanceof ExpireDue) {
                for (HoldRef due : engine.tables().dueHolds(engine.now(), 1_000)) {
                    Decision decision = decideAndApply(new ExpireHold(nextCommandId(), BookingCommand.SYSTEM_USER, due.eventId(), due.bookingId()));
                    assertThat(decision).as("expiry of due hold %s", due).isInstanceOf(Decision.Accepted.class);
                }
            } else {
                decideAndApply(command(step));
            }
        }

        Decision decideAndApply(BookingCommand command) {
            StateChecksum before = engine.checksum();
            Decision decision = engine.decide(command);
            assertThat(engine.checksum()).as("decide wrote the state on %s", command).isEqualTo(before);
            if (decision instanceof Decision.Accepted accepted) {
                assertThat(accepted.events()).as("accepted %s", command).isNotEmpty();
                engine.apply(accepted.events());
                accepted.events().forEach(this::track);
                accepted.events().forEach(event -> Statistics.label("outcome").collect(event.getClass().getSimpleName()));
            } else {
                Rejection rejection = ((Decision.Rejected) decision).rejection();
                checkRejectedSeats(command, rejection);
                Statistics.label("outcome").collect(rejection.reason().name());
            }
            BookingInvariants.check(engine.tables(), engine.now());
            return decision;
        }

        private void track(BookingEvent event) {
            if (event instanceof SeatsHeld held) {
                bookingIds.computeIfAbsent(held.eventId(), id -> new ArrayList<>()).add(held.bookingId());
            }
        }

        /** The seats a rejection names are exactly the ones at fault. */
        private void checkRejectedSeats(BookingCommand command, Rejection rejection) {
            if (!(command instanceof HoldSeats hold)) {
                assertThat(rejection.seats()).isEmpty();
                return;
            }
            for (String seat : rejection.seats()) {
                assertThat(hold.seats()).contains(seat);
                switch (rejection.reason()) {
                    case DUPLICATE_SEAT -> assertThat(hold.seats().stream().filter(seat::equals).count()).isGreaterThan(1);
                    case UNKNOWN_SEAT -> assertThat(SeatId.parse(seat).filter(s -> engine.tables().event(hold.eventId())
                            .orElseThrow().contains(s))).isEmpty();
                    case SEATS_UNAVAILABLE -> assertThat(engine.tables().seat(hold.eventId(), SeatId.parse(seat).orElseThrow())
                            .isAvailable()).isFalse();
                    default -> throw new AssertionError(rejection + " should name no seats");
                }
            }
        }

        private BookingCommand command(Step step) {
            if (step instanceof Hold h) {
                return new HoldSeats(nextCommandId(), USERS.get(h.user()), EVENTS.get(h.event()), newBookingId(h.event(), h.booking()), h.seats());
            } else if (step instanceof Best b) {
                return new HoldBestAvailable(nextCommandId(), USERS.get(b.user()), EVENTS.get(b.event()), newBookingId(b.event(), b.booking()),
                        b.section(), b.quantity());
            } else if (step instanceof Release r) {
                String bookingId = existingBookingId(r.event(), r.booking());
                return new ReleaseHold(nextCommandId(), actor(r.actor(), r.event(), bookingId), EVENTS.get(r.event()), bookingId, r.byAdmin());
            } else if (step instanceof Expire e) {
                return new ExpireHold(nextCommandId(), BookingCommand.SYSTEM_USER, EVENTS.get(e.event()), existingBookingId(e.event(), e.booking()));
            } else if (step instanceof Confirm c) {
                return confirm(c);
            } else if (step instanceof Cancel c) {
                String bookingId = existingBookingId(c.event(), c.booking());
                return new CancelBooking(nextCommandId(), actor(c.actor(), c.event(), bookingId), EVENTS.get(c.event()), bookingId, c.byAdmin());
            } else if (step instanceof Recreate r) {
                return createEvent(EVENTS.get(r.event()), new Venue(List.of(new Section("Z", 1, 1, 1)), 60, 1, 600));
            }
            throw new IllegalArgumentException("no command for " + step);
        }

        private BookingCommand confirm(Confirm c) {
            String eventId = EVENTS.get(c.event());
            String bookingId = existingBookingId(c.event(), c.booking());
            Booking booking = engine.tables().booking(eventId, bookingId).orElse(null);
            long owed = booking == null ? 100 : booking.totalCents();
            return new ConfirmBooking(nextCommandId(), BookingCommand.SYSTEM_USER, eventId, bookingId, "pay-" + bookingId,
                    owed + c.amountError(), c.rightCurrency() ? "EUR" : "USD");
        }

        private String newBookingId(int event, int choice) {
            List<String> existing = bookingIds.getOrDefault(EVENTS.get(event), List.of());
            return choice < 85 || existing.isEmpty() ? "b" + ++nextBooking : existing.get(choice % existing.size());
        }

        /** Mostly a booking that is still live, sometimes any booking, sometimes one that never existed. */
        private String existingBookingId(int event, int choice) {
            String eventId = EVENTS.get(event);
            List<String> all = bookingIds.getOrDefault(eventId, List.of());
            List<String> live = all.stream().filter(id -> engine.tables().booking(eventId, id)
                    .map(b -> b.status().isHolding() || b.status() == BookingStatus.CONFIRMED).orElse(false)).toList();
            List<String> from = choice % 3 == 0 || live.isEmpty() ? all : live;
            return choice % 10 == 0 || from.isEmpty() ? "b-missing" : from.get(choice % from.size());
        }

        private String actor(int actor, int event, String bookingId) {
            if (actor != OWNER) {
                return USERS.get(actor);
            }
            return engine.tables().booking(EVENTS.get(event), bookingId).map(Booking::userId).orElse(USERS.get(0));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(venue().list().ofSize(2), step().list().ofMinSize(50).ofMaxSize(300)).as(Scenario::new);
    }

    private static Arbitrary<Venue> venue() {
        return Combinators.combine(section("A"), section("B"), section("C"), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(30, 300), Arbitraries.integers().between(1, 6), Arbitraries.integers().between(2_000, 20_000))
                .as((a, b, c, count, ttl, max, startsIn) -> new Venue(List.of(a, b, c).subList(0, count), ttl, max, startsIn));
    }

    private static Arbitrary<Section> section(String name) {
        return Combinators.combine(Arbitraries.longs().between(0, 5_000), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 5)).as((price, rows, seats) -> new Section(name, price, rows, seats));
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Step> step() {
        Arbitrary<Integer> user = Arbitraries.integers().between(0, USERS.size() - 1);
        Arbitrary<Integer> actor = Arbitraries.frequency(Tuple.of(3, OWNER), Tuple.of(1, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3));
        Arbitrary<Integer> event = Arbitraries.frequency(Tuple.of(9, 0), Tuple.of(9, 1), Tuple.of(1, 2));
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 99);
        Arbitrary<Boolean> byAdmin = Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true));
        return Arbitraries.frequencyOf(
                Tuple.of(30, Combinators.combine(user, event, choice, seatIds().list().ofMinSize(0).ofMaxSize(7)).as(Hold::new)),
                Tuple.of(12, Combinators.combine(user, event, choice, Arbitraries.of("A", "B", "C", "D"), Arbitraries.integers().between(-1, 7))
                        .as(Best::new)),
                Tuple.of(10, Combinators.combine(actor, event, choice, byAdmin).as(Release::new)),
                Tuple.of(5, Combinators.combine(event, choice).as(Expire::new)),
                Tuple.of(15, Combinators.combine(event, choice, Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, -1), Tuple.of(1, 100)),
                        Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false))).as(Confirm::new)),
                Tuple.of(8, Combinators.combine(actor, event, choice, byAdmin).as(Cancel::new)),
                Tuple.of(10, Arbitraries.integers().between(1, 200).map(Tick::new)),
                Tuple.of(4, Arbitraries.just(new ExpireDue())),
                Tuple.of(1, Arbitraries.integers().between(0, 1).map(Recreate::new)));
    }

    /** Mostly well-formed ids in a small space (so requests collide), some out of range, malformed or null. */
    private static Arbitrary<String> seatIds() {
        Arbitrary<String> inRange = Combinators.combine(Arbitraries.of("A", "B", "C", "D"), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 6)).as((section, row, seat) -> section + "-" + row + "-" + seat);
        return Arbitraries.frequencyOf(
                Tuple.of(20, inRange),
                Tuple.of(1, Arbitraries.of("junk", "A-1", "-1-1", "A-01-1", "a-1-1", "")))
                .injectNull(0.01);
    }
}
