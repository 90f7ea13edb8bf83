package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.nextCommandId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.command.BookingCommand;
import org.eventbooking.domain.command.CancelBooking;
import org.eventbooking.domain.command.ExpireHold;
import org.eventbooking.domain.command.HoldSeats;
import org.eventbooking.domain.command.RecordPaymentOutcome;
import org.eventbooking.domain.command.ReleaseHold;
import org.eventbooking.domain.command.RequestPayment;
import org.eventbooking.domain.event.BookingConfirmed;
import org.eventbooking.domain.event.BookingEvent;
import org.eventbooking.domain.event.PaymentSucceeded;
import org.eventbooking.domain.event.RefundRequested;
import org.eventbooking.state.HoldRef;

/**
 * Holds, payment intents, provider outcomes (late, repeated, mis-paid, declined), expiries,
 * releases and cancellations interleaved at random. Whatever the order: no seat is sold to two
 * bookings, every payment that succeeded ends either confirming its booking or refunded, never
 * both and never neither, and the money taken equals the money confirmed plus the money refunded.
 */
class PaymentInvariantProperties {

    private static final List<String> SEATS = List.of("FLOOR-1-1", "FLOOR-1-2", "FLOOR-1-3", "FLOOR-2-1");
    private static final List<String> USERS = List.of("u0", "u1", "u2");

    /** {@code target} picks among the bookings or payments that exist by then. */
    record Step(int kind, int user, int target, int seat, boolean flag, int amountError) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, SEATS.size() - 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 8)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 300)
    void money_in_is_money_confirmed_plus_money_refunded(@ForAll("steps") List<Step> steps) {
        Run run = new Run();
        steps.forEach(run::perform);

        Map<String, Long> succeeded = new HashMap<>();
        Map<String, Long> refunded = new HashMap<>();
        for (BookingEvent event : run.engine.log()) {
            if (event instanceof PaymentSucceeded paid) {
                assertThat(succeeded.put(paid.paymentId(), paid.amountCents())).as("%s succeeded twice", paid.paymentId()).isNull();
            } else if (event instanceof RefundRequested refund) {
                assertThat(refunded.put(refund.paymentId(), refund.amountCents())).as("%s refunded twice", refund.paymentId()).isNull();
            }
        }
        Map<String, Long> confirmed = new HashMap<>();
        for (String bookingId : run.bookings) {
            Booking booking = run.engine.booking(bookingId);
            if (booking.status() == BookingStatus.CONFIRMED) {
                confirmed.put(booking.paymentId(), booking.totalCents());
            }
        }
        for (String paymentId : succeeded.keySet()) {
            assertThat(confirmed.containsKey(paymentId) ^ refunded.containsKey(paymentId))
                    .as("payment %s ends confirmed xor refunded (confirmed %s, refunded %s)", paymentId, confirmed, refunded).isTrue();
        }
        assertThat(succeeded.keySet()).containsAll(refunded.keySet()).containsAll(confirmed.keySet());
        long in = succeeded.values().stream().mapToLong(Long::longValue).sum();
        long out = confirmed.values().stream().mapToLong(Long::longValue).sum() + refunded.values().stream().mapToLong(Long::longValue).sum();
        assertThat(in).isEqualTo(out);
        Statistics.label("ends").collect(confirmed.isEmpty() ? "none confirmed" : "some confirmed", refunded.isEmpty() ? "none refunded" : "some refunded");
    }

    /** One run: a small venue, several customers, and a provider that may answer late, twice, or wrongly. */
    private static final class Run {

        private final Engine engine = DomainFixtures.engineWithEvent();
        private final List<String> bookings = new ArrayList<>();
        private final List<RecordPaymentOutcome> outcomesSent = new ArrayList<>();
        private final List<RequestPayment> intents = new ArrayList<>();
        /** Command ids seen, as the processor's idempotency window would: a redelivered outcome changes nothing. */
        private final Set<String> seenCommands = new HashSet<>();

        void perform(Step step) {
            switch (step.kind()) {
                case 0 -> hold(step);
                case 1 -> pick(bookings, step).ifPresent(bookingId -> pay(bookingId));
                case 2 -> pick(intents, step).ifPresent(intent -> outcome(intent, step));
                case 3 -> pick(outcomesSent, step).ifPresent(this::decide);
                case 4 -> engine.advance(Duration.ofSeconds(step.target() * 20L));
                case 5 -> expireDue();
                case 6 -> pick(bookings, step).ifPresent(bookingId -> decide(new ReleaseHold(nextCommandId(),
                        engine.booking(bookingId).userId(), EVENT_ID, bookingId, step.flag())));
                default -> pick(bookings, step).ifPresent(bookingId -> decide(new CancelBooking(nextCommandId(),
                        engine.booking(bookingId).userId(), EVENT_ID, bookingId, step.flag())));
            }
            BookingInvariants.check(engine.tables(), engine.now());
            soldSeatsBelongToConfirmedBookings();
        }

        private void hold(Step step) {
            String bookingId = "b" + bookings.size();
            if (decide(new HoldSeats(nextCommandId(), USERS.get(step.user()), EVENT_ID, bookingId, List.of(SEATS.get(step.seat()))))) {
                bookings.add(bookingId);
            }
        }

        private void pay(String bookingId) {
            RequestPayment intent = new RequestPayment(nextCommandId(), engine.booking(bookingId).userId(), EVENT_ID, bookingId,
                    "p" + intents.size());
            intents.add(intent);
            decide(intent);
        }

        private void outcome(RequestPayment intent, Step step) {
            long owed = engine.booking(intent.bookingId()).totalCents();
            long paid = step.amountError() == 0 ? owed + 1 : owed;
            RecordPaymentOutcome outcome = new RecordPaymentOutcome("outcome-" + intent.paymentId() + "-" + step.flag(), "payments",
                    EVENT_ID, intent.bookingId(), intent.paymentId(), step.flag(), paid, "EUR", "declined");
            outcomesSent.add(outcome);
            decide(outcome);
        }

        private void expireDue() {
            for (HoldRef due : engine.tables().dueHolds(engine.now(), 100)) {
                decide(new ExpireHold(nextCommandId(), BookingCommand.SYSTEM_USER, due.eventId(), due.bookingId()));
            }
        }

        /** Decides and applies like the processor, command ids included; true when accepted. */
        private boolean decide(BookingCommand command) {
            if (!seenCommands.add(command.commandId())) {
                Statistics.label("redelivered").collect(true);
                return false;
            }
            Decision decision = engine.run(command);
            if (decision instanceof Decision.Accepted accepted) {
                accepted.events().forEach(e -> Statistics.label("events").collect(e.getClass().getSimpleName()));
            }
            return decision instanceof Decision.Accepted;
        }

        private void soldSeatsBelongToConfirmedBookings() {
            for (String seat : SEATS) {
                SeatState state = engine.seat(seat);
                if (state.status() == SeatStatus.SOLD) {
                    Booking owner = engine.booking(state.bookingId());
                    assertThat(owner.status()).isEqualTo(BookingStatus.CONFIRMED);
                    assertThat(owner.seats()).contains(seat);
                    assertThat(engine.log()).anyMatch(e -> e instanceof BookingConfirmed c && c.bookingId().equals(owner.bookingId()));
                }
            }
        }

        private static <T> java.util.Optional<T> pick(List<T> from, Step step) {
            return from.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(from.get(step.target() % from.size()));
        }
    }
}
