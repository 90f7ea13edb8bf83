package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.ConfirmBooking;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldBestAvailable;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.state.BookingTables;
import org.eventbooking.state.StateChecksum;

/**
 * Shared test data for the domain and state tests: one venue, command builders, and an
 * {@link Engine} that decides and applies commands exactly as the processor does.
 */
public final class DomainFixtures {

    public static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");
    public static final Instant STARTS_AT = NOW.plus(Duration.ofDays(30));
    public static final String EVENT_ID = "ev-1";
    public static final String ORGANIZER = "org-1";
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String ADMIN = "admin-1";
    public static final String PAYMENT_ID = "pay-1";
    /** 5 rows of 10 seats at 50.00. */
    public static final Section FLOOR = new Section("FLOOR", 5_000, 5, 10);
    /** 3 rows of 8 seats at 25.00. */
    public static final Section BALCONY = new Section("BALCONY", 2_500, 3, 8);

    private static final AtomicLong COMMAND_IDS = new AtomicLong();

    private DomainFixtures() {
    }

    public static String nextCommandId() {
        return "cmd-" + COMMAND_IDS.incrementAndGet();
    }

    /** A valid CreateEvent in EUR starting in 30 days, with the default limits. */
    public static CreateEvent createEvent(String eventId, Section... sections) {
        return createEvent(eventId, null, null, sections);
    }

    public static CreateEvent createEvent(String eventId, Integer holdTtlSeconds, Integer maxSeatsPerBooking, Section... sections) {
        return new CreateEvent(nextCommandId(), ORGANIZER, eventId, "Spring Concert", "Arena", STARTS_AT, "EUR",
                holdTtlSeconds, maxSeatsPerBooking, List.of(sections), null);
    }

    public static HoldSeats holdSeats(String userId, String bookingId, String... seats) {
        return new HoldSeats(nextCommandId(), userId, EVENT_ID, bookingId, List.of(seats));
    }

    public static HoldBestAvailable holdBest(String userId, String bookingId, String section, int quantity) {
        return new HoldBestAvailable(nextCommandId(), userId, EVENT_ID, bookingId, section, quantity);
    }

    public static ReleaseHold release(String userId, String bookingId) {
        return new ReleaseHold(nextCommandId(), userId, EVENT_ID, bookingId, false);
    }

    public static ReleaseHold releaseByAdmin(String bookingId) {
        return new ReleaseHold(nextCommandId(), ADMIN, EVENT_ID, bookingId, true);
    }

    public static ExpireHold expire(String bookingId) {
        return new ExpireHold(nextCommandId(), BookingCommand.SYSTEM_USER, EVENT_ID, bookingId);
    }

    public static ConfirmBooking confirm(String bookingId, long amountCents, String currency) {
        return new ConfirmBooking(nextCommandId(), BookingCommand.SYSTEM_USER, EVENT_ID, bookingId, PAYMENT_ID, amountCents, currency);
    }

    public static CancelBooking cancel(String userId, String bookingId) {
        return new CancelBooking(nextCommandId(), userId, EVENT_ID, bookingId, false);
    }

    public static CancelBooking cancelByAdmin(String bookingId) {
        return new CancelBooking(nextCommandId(), ADMIN, EVENT_ID, bookingId, true);
    }

    /** An engine at {@link #NOW} where {@link #EVENT_ID} exists with FLOOR and BALCONY. */
    public static Engine engineWithEvent() {
        Engine engine = new Engine(BookingDecider.withContractLimits());
        engine.accept(createEvent(EVENT_ID, FLOOR, BALCONY));
        return engine;
    }

    /**
     * Decides commands against in-memory tables and applies accepted events the way the processor
     * does ({@code tables.apply(evolve(tables, event))} per event), keeping the accepted log.
     */
    public static final class Engine {

        private final BookingDecider decider;
        private final BookingTables tables = BookingTables.inMemory();
        private final List<BookingEvent> log = new ArrayList<>();
        private Instant now = NOW;

        public Engine(BookingDecider decider) {
            this.decider = decider;
        }

        /** Decides without applying: the state is left as it was. */
        public Decision decide(BookingCommand command) {
            return decider.decide(tables, command, now);
        }

        public void apply(List<BookingEvent> events) {
            for (BookingEvent event : events) {
                tables.apply(BookingEvolver.evolve(tables, event));
                log.add(event);
            }
        }

        /** Decides and, when accepted, applies: one step of the processor. */
        public Decision run(BookingCommand command) {
            Decision decision = decide(command);
            if (decision instanceof Decision.Accepted accepted) {
                apply(accepted.events());
            }
            return decision;
        }

        /** Runs a command that must be accepted; returns its events. */
        public List<BookingEvent> accept(BookingCommand command) {
            Decision decision = run(command);
            assertThat(decision).as("decision on %s", command).isInstanceOf(Decision.Accepted.class);
            return ((Decision.Accepted) decision).events();
        }

        /** Runs a command that must be rejected; returns the rejection. */
        public Rejection reject(BookingCommand command) {
            Decision decision = run(command);
            assertThat(decision).as("decision on %s", command).isInstanceOf(Decision.Rejected.class);
            return ((Decision.Rejected) decision).rejection();
        }

        public BookingTables tables() {
            return tables;
        }

        public List<BookingEvent> log() {
            return List.copyOf(log);
        }

        public StateChecksum checksum() {
            return StateChecksum.of(tables.byName());
        }

        public Instant now() {
            return now;
        }

        public void setNow(Instant at) {
            now = at;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        /** The booking as stored; fails when absent. */
        public Booking booking(String bookingId) {
            return tables.booking(EVENT_ID, bookingId).orElseThrow(() -> new AssertionError("no booking " + bookingId));
        }

        public SeatState seat(String seatId) {
            return tables.seat(EVENT_ID, SeatId.parse(seatId).orElseThrow());
        }

        public SectionAvailability availability(String section) {
            return tables.sectionAvailability(EVENT_ID, section).orElseThrow(() -> new AssertionError("no section " + section));
        }
    }
}
