package org.eventbooking.gateway.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do. The lowercase wire name is what appears in tokens and request bodies. */
public enum Role {
    CUSTOMER,
    ORGANIZER,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact lowercase match only, so "Admin" or " admin" never sneak through as a role. */
    public static Optional<Role> fromWire(String wire) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(wire))
                .findFirst();
    }

    /** Admins are granted by configuration, never by signing up. */
    public boolean selfRegistrable() {
        return this != ADMIN;
    }
}
