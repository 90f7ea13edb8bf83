package org.eventbooking.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    // The minimum cost keeps the suite fast; the algorithm is the same at any cost.
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void matches_the_password_it_hashed() {
        String hash = hasher.hash("Correct1Horse");

        assertThat(hasher.matches("Correct1Horse", hash)).isTrue();
    }

    @Test
    void does_not_match_a_wrong_password() {
        String hash = hasher.hash("Correct1Horse");

        assertThat(hasher.matches("correct1horse", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void salts_every_hash_so_equal_passwords_hash_differently() {
        String first = hasher.hash("Correct1Horse");
        String second = hasher.hash("Correct1Horse");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("Correct1Horse", first)).isTrue();
        assertThat(hasher.matches("Correct1Horse", second)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "$2b$04$",
            "$2b$04$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
            "$9z$04$......................UaUp2CqHXn14N7RprrzoDsNv91ahi36",
            "$2b$99$......................UaUp2CqHXn14N7RprrzoDsNv91ahi36",
            "plain-text-password-from-a-bad-migration"})
    void treats_a_malformed_stored_hash_as_no_match(String storedHash) {
        assertThat(hasher.matches("Correct1Horse", storedHash)).isFalse();
    }

    @Test
    void writes_version_2b_and_the_configured_cost_into_the_hash() {
        assertThat(hasher.hash("Correct1Horse")).startsWith("$2b$04$").hasSize(60);
        assertThat(new PasswordHasher(5).hash("Correct1Horse")).startsWith("$2b$05$");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 32})
    void refuses_a_cost_outside_4_to_31(int cost) {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHasher(cost))
                .withMessageContaining("between 4 and 31");
    }

    @Test
    void ignores_bytes_after_the_72nd_as_bcrypt_does() {
        String hash = hasher.hash("A1" + "a".repeat(70) + "tail");

        assertThat(hasher.matches("A1" + "a".repeat(70) + "other tail", hash)).isTrue();
    }

    @Test
    void burns_time_for_unknown_emails_without_failing_on_any_input() {
        assertThatCode(() -> {
            hasher.burnEquivalentTime("Correct1Horse");
            hasher.burnEquivalentTime("");
            hasher.burnEquivalentTime(null);
        }).doesNotThrowAnyException();
    }
}
