package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.domain.DomainFixtures.BALCONY;
import static org.eventbooking.domain.DomainFixtures.EVENT_ID;
import static org.eventbooking.domain.DomainFixtures.FLOOR;
import static org.eventbooking.domain.DomainFixtures.NOW;
import static org.eventbooking.domain.DomainFixtures.ORGANIZER;
import static org.eventbooking.domain.DomainFixtures.STARTS_AT;
import static org.eventbooking.domain.DomainFixtures.createEvent;
import static org.eventbooking.domain.DomainFixtures.engineWithEvent;
import static org.eventbooking.domain.DomainFixtures.nextCommandId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eventbooking.domain.DomainFixtures.Engine;
import org.eventbooking.domain.command.CreateEvent;
import org.eventbooking.domain.event.EventCreated;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code decide} on CreateEvent: the EventRules of DESIGN §4, defaults, and EVENT_EXISTS. */
class CreateEventDecisionTest {

    private final Engine engine = new Engine(BookingDecider.withContractLimits());

    @Test
    void creates_event_with_default_hold_ttl_and_seat_limit() {
        assertThat(engine.accept(createEvent("ev-9", FLOOR, BALCONY))).containsExactly(new EventCreated("ev-9", ORGANIZER,
                "Spring Concert", "Arena", STARTS_AT, "EUR", 600, 10, List.of(FLOOR, BALCONY), NOW, null));
    }

    @Test
    void keeps_explicit_limits_at_their_maximum() {
        EventCreated created = (EventCreated) engine.accept(createEvent("ev-9", 86_400, 100, FLOOR)).get(0);

        assertThat(created.holdTtlSeconds()).isEqualTo(86_400);
        assertThat(created.maxSeatsPerBooking()).isEqualTo(100);
    }

    @Test
    void rejects_event_id_that_exists() {
        Engine withEvent = engineWithEvent();

        Rejection rejection = withEvent.reject(createEvent(EVENT_ID, BALCONY));

        assertThat(rejection.reason()).isEqualTo(RejectionReason.EVENT_EXISTS);
        assertThat(withEvent.tables().event(EVENT_ID).orElseThrow().sections()).containsExactly(FLOOR, BALCONY);
    }

    @Test
    void accepts_exactly_the_contract_limit_of_seats_per_event() {
        assertThat(engine.run(createEvent("ev-9", new Section("BIG", 100, 1000, 100)))).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void rejects_more_seats_than_the_contract_limit() {
        Rejection rejection = engine.reject(createEvent("ev-9", new Section("BIG", 100, 1000, 100), new Section("ONE", 100, 1, 1)));

        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_COMMAND);
        assertThat(rejection.message()).contains("at most 100000 seats", "100001");
    }

    @Test
    void rejects_more_seats_than_a_configured_limit() {
        Engine small = new Engine(new BookingDecider(100));

        Rejection rejection = small.reject(createEvent("ev-9", new Section("A", 100, 10, 6), new Section("B", 100, 5, 9)));

        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_COMMAND);
        assertThat(rejection.message()).contains("at most 100 seats", "105");
        assertThat(small.run(createEvent("ev-9", new Section("A", 100, 10, 10)))).isInstanceOf(Decision.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleViolations")
    void rejects_event_that_breaks_a_rule(CreateEvent command, String messagePart) {
        Rejection rejection = engine.reject(command);

        assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_COMMAND);
        assertThat(rejection.message()).contains(messagePart);
        assertThat(rejection.seats()).isEmpty();
        assertThat(engine.tables().event(command.eventId())).isEmpty();
    }

    static Stream<Arguments> ruleViolations() {
        return Stream.of(
                violation("blank title", valid().title(" "), "title"),
                violation("title of 201 characters", valid().title("t".repeat(201)), "title"),
                violation("missing venue", valid().venue(null), "venue"),
                violation("startsAt in the past", valid().startsAt(NOW.minusSeconds(1)), "startsAt"),
                violation("startsAt now", valid().startsAt(NOW), "startsAt"),
                violation("missing startsAt", valid().startsAt(null), "startsAt"),
                violation("lower-case currency", valid().currency("eur"), "currency"),
                violation("four-letter currency", valid().currency("EURO"), "currency"),
                violation("holdTtlSeconds 0", valid().holdTtlSeconds(0), "holdTtlSeconds"),
                violation("holdTtlSeconds 86401", valid().holdTtlSeconds(86_401), "holdTtlSeconds"),
                violation("maxSeatsPerBooking 0", valid().maxSeatsPerBooking(0), "maxSeatsPerBooking"),
                violation("maxSeatsPerBooking 101", valid().maxSeatsPerBooking(101), "maxSeatsPerBooking"),
                violation("no sections", valid().sections(), "at least one section"),
                violation("null section list", valid().sections((List<Section>) null), "at least one section"),
                violation("section name with a dash", valid().sections(new Section("FLOOR-A", 100, 1, 1)), "section names"),
                violation("empty section name", valid().sections(new Section("", 100, 1, 1)), "section names"),
                violation("section name of 33 characters", valid().sections(new Section("S".repeat(33), 100, 1, 1)), "section names"),
                violation("duplicate section", valid().sections(FLOOR, BALCONY, new Section("FLOOR", 1, 1, 1)), "FLOOR is listed twice"),
                violation("negative price", valid().sections(new Section("A", -1, 1, 1)), "priceCents"),
                violation("0 rows", valid().sections(new Section("A", 100, 0, 1)), "rows and seatsPerRow"),
                violation("1001 seats per row", valid().sections(new Section("A", 100, 1, 1001)), "rows and seatsPerRow"));
    }

    private static Arguments violation(String name, CreateEventBuilder command, String messagePart) {
        return Arguments.of(Named.of(name, command.build()), messagePart);
    }

    private static CreateEventBuilder valid() {
        return new CreateEventBuilder();
    }

    /** A valid CreateEvent with one field changed at a time. */
    private static final class CreateEventBuilder {
        private String title = "Spring Concert";
        private String venue = "Arena";
        private Instant startsAt = STARTS_AT;
        private String currency = "EUR";
        private Integer holdTtlSeconds;
        private Integer maxSeatsPerBooking;
        private List<Section> sections = List.of(FLOOR);

        CreateEventBuilder title(String value) {
            title = value;
            return this;
        }

        CreateEventBuilder venue(String value) {
            venue = value;
            return this;
        }

        CreateEventBuilder startsAt(Instant value) {
            startsAt = value;
            return this;
        }

        CreateEventBuilder currency(String value) {
            currency = value;
            return this;
        }

        CreateEventBuilder holdTtlSeconds(Integer value) {
            holdTtlSeconds = value;
            return this;
        }

        CreateEventBuilder maxSeatsPerBooking(Integer value) {
            maxSeatsPerBooking = value;
            return this;
        }

        CreateEventBuilder sections(Section... value) {
            sections = new ArrayList<>(Arrays.asList(value));
            return this;
        }

        CreateEventBuilder sections(List<Section> value) {
            sections = value;
            return this;
        }

        CreateEvent build() {
            return new CreateEvent(nextCommandId(), ORGANIZER, "ev-9", title, venue, startsAt, currency, holdTtlSeconds,
                    maxSeatsPerBooking, sections, null);
        }
    }
}
