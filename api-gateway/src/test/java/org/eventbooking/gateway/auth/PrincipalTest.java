package org.eventbooking.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private static Principal as(Role role) {
        return new Principal("user-42", "ann@example.com", role, "tok-1", Instant.parse("2030-01-01T10:15:00Z"));
    }

    @Test
    void only_an_admin_is_admin() {
        assertThat(as(Role.ADMIN).isAdmin()).isTrue();
        assertThat(as(Role.ORGANIZER).isAdmin()).isFalse();
        assertThat(as(Role.CUSTOMER).isAdmin()).isFalse();
    }

    @Test
    void has_exactly_its_own_role() {
        assertThat(as(Role.ORGANIZER).hasRole(Role.ORGANIZER)).isTrue();
        assertThat(as(Role.ORGANIZER).hasRole(Role.ADMIN)).isFalse();
        assertThat(as(Role.ORGANIZER).hasRole(Role.CUSTOMER)).isFalse();
    }
}
