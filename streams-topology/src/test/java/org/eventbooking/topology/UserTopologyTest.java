package org.eventbooking.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventbooking.testsupport.Commands.createEvent;
import static org.eventbooking.testsupport.Commands.hold;
import static org.eventbooking.testsupport.Commands.newId;
import static org.eventbooking.testsupport.Commands.release;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.BookingStatus;
import org.eventbooking.domain.RejectionReason;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.event.LogEvent;
import org.eventbooking.domain.event.UserRegistered;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.state.StoreKeys;
import org.eventbooking.state.StoreNames;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTopologyTest {

    private TopologyFixture fixture;

    @BeforeEach
    void start() {
        fixture = TopologyFixture.inTempDir();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static RegisterUser register(String userId, String email) {
        return new RegisterUser(newId(), userId, email, "alice_1", "customer", "$2b$04$hash");
    }

    @Test
    void sign_up_appends_user_registered_keyed_by_email_and_keeps_the_account() {
        UserCommandReply reply = fixture.send(register("u-1", "alice@example.com"));

        assertThat(reply.isAccepted()).isTrue();
        assertThat(reply.userId()).isEqualTo("u-1");
        var logged = fixture.catalog.readRecord();
        assertThat(logged.key()).isEqualTo("alice@example.com");
        assertThat(logged.value()).isInstanceOfSatisfying(UserRegistered.class, e -> {
            assertThat(e.userId()).isEqualTo("u-1");
            assertThat(e.passwordHash()).isEqualTo("$2b$04$hash");
        });
        KeyValueStore<String, UserAccount> users = fixture.driver.getKeyValueStore(StoreNames.USERS);
        assertThat(users.get("alice@example.com").userId()).isEqualTo("u-1");
    }

    @Test
    void second_sign_up_with_the_same_email_is_refused_and_appends_nothing() {
        fixture.send(register("u-1", "alice@example.com"));
        fixture.catalog.readValuesToList();

        UserCommandReply reply = fixture.send(register("u-2", "alice@example.com"));

        assertThat(reply.isAccepted()).isFalse();
        assertThat(reply.rejection().reason()).isEqualTo(RejectionReason.EMAIL_TAKEN);
        assertThat(fixture.catalog.isEmpty()).isTrue();
        KeyValueStore<String, UserAccount> users = fixture.driver.getKeyValueStore(StoreNames.USERS);
        assertThat(users.get("alice@example.com").userId()).isEqualTo("u-1");
    }

    @Test
    void unreadable_user_command_goes_to_the_dead_letter_topic() {
        fixture.userCommands.pipeInput("bob@example.com", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.deadLetters.readRecordsToList()).hasSize(1);
        KeyValueStore<String, UserAccount> users = fixture.driver.getKeyValueStore(StoreNames.USERS);
        assertThat(users.approximateNumEntries()).isZero();
    }

    @Test
    void every_booking_version_reaches_its_users_view() {
        fixture.send(createEvent("event-1", TopologyFixture.START, 5, 10, 60));
        String held = fixture.send(hold("event-1", "alice", "FLOOR-1-1")).booking().bookingId();
        fixture.send(hold("event-1", "alice", "FLOOR-1-2"));
        fixture.send(hold("event-1", "bob", "FLOOR-1-3"));
        fixture.send(release("event-1", "alice", held));

        List<String> keys = fixture.bookingsByUser.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        assertThat(keys).containsExactly("alice", "alice", "bob", "alice");
        KeyValueStore<String, Booking> view = fixture.driver.getKeyValueStore(StoreNames.USER_BOOKINGS);
        assertThat(view.get(StoreKeys.userBooking("alice", held)).status()).isEqualTo(BookingStatus.RELEASED);
        try (KeyValueIterator<String, Booking> alices = view.prefixScan(StoreKeys.userBookingsPrefix("alice"),
                org.apache.kafka.common.serialization.Serdes.String().serializer())) {
            List<KeyValue<String, Booking>> all = new java.util.ArrayList<>();
            alices.forEachRemaining(all::add);
            assertThat(all).hasSize(2).allSatisfy(kv -> assertThat(kv.value.userId()).isEqualTo("alice"));
        }
    }

    @Test
    void replays_skip_user_facts() {
        fixture.send(register("u-1", "alice@example.com"));
        List<LogEvent> log = fixture.drainLog();

        assertThat(log).hasSize(1);
        assertThat(TopologyFixture.foldChecksum(log)).isEqualTo(fixture.liveChecksum());
    }
}
