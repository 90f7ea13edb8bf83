package org.eventbooking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.domain.user.UserDecider;
import org.eventbooking.domain.user.UserDecision;
import org.junit.jupiter.api.Test;

class UserDeciderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final RegisterUser ALICE = new RegisterUser("c-1", "u-1", "alice@example.com", "alice", "customer", "hash");

    @Test
    void a_free_email_registers_the_user_with_the_commands_fields() {
        UserDecision decision = UserDecider.decide(Optional.empty(), ALICE, NOW);

        assertThat(decision).isInstanceOfSatisfying(UserDecision.Accepted.class, accepted -> {
            assertThat(accepted.event().userId()).isEqualTo("u-1");
            assertThat(accepted.event().email()).isEqualTo("alice@example.com");
            assertThat(accepted.event().role()).isEqualTo("customer");
            assertThat(accepted.event().occurredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void a_taken_email_is_refused_whoever_asks() {
        UserAccount existing = new UserAccount("u-0", "alice@example.com", "alice", "customer", "hash", NOW);

        UserDecision decision = UserDecider.decide(Optional.of(existing), ALICE, NOW);

        assertThat(decision).isInstanceOfSatisfying(UserDecision.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).isEqualTo(RejectionReason.EMAIL_TAKEN));
    }
}
