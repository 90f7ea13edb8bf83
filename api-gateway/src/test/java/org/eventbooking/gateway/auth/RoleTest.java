package org.eventbooking.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @Test
    void wire_names_are_lowercase() {
        assertThat(Role.CUSTOMER.wireName()).isEqualTo("customer");
        assertThat(Role.ORGANIZER.wireName()).isEqualTo("organizer");
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void reads_back_its_own_wire_name(Role role) {
        assertThat(Role.fromWire(role.wireName())).contains(role);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ADMIN", "Admin", " admin", "admin ", "superuser", "CUSTOMER"})
    void reads_nothing_but_an_exact_lowercase_wire_name(String wire) {
        assertThat(Role.fromWire(wire)).isEmpty();
    }

    @Test
    void only_customers_and_organizers_may_sign_up() {
        assertThat(Role.CUSTOMER.selfRegistrable()).isTrue();
        assertThat(Role.ORGANIZER.selfRegistrable()).isTrue();
        assertThat(Role.ADMIN.selfRegistrable()).isFalse();
    }
}
