package org.eventbooking.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialRulesTest {

    private static final String EMAIL = "ann@example.com";
    private static final String PASSWORD = "Secret123";
    private static final String NAME = "ann_1";
    private static final String ROLE = "customer";
    private static final String AT_DOMAIN = "@example.com";

    @ParameterizedTest(name = "email={0} password={1} name={2} role={3} -> {4}")
    @MethodSource("registrations")
    void reports_exactly_the_fields_that_break_a_rule(
            String email, String password, String name, String role, List<String> failingFields) {
        Map<String, String> errors = CredentialRules.registrationErrors(email, password, name, role);

        assertThat(errors.keySet()).containsExactlyElementsOf(failingFields);
    }

    static Stream<Arguments> registrations() {
        return Stream.of(
                arguments(EMAIL, PASSWORD, NAME, ROLE, List.of()),
                arguments(null, null, null, null, List.of("email", "password", "name", "role")),
                arguments("", "", "", "", List.of("email", "password", "name", "role")),
                arguments("nope", "short", "x", "admin", List.of("email", "password", "name", "role")),
                arguments("nope", PASSWORD, NAME, "admin", List.of("email", "role")),

                email("ann@example.com"),
                email("  ann@example.com  "),
                email("Ann.Smith+tickets@Example.co.uk"),
                email("a@b.cd"),
                email("o'brien@example.ie"),
                email("x".repeat(254 - AT_DOMAIN.length()) + AT_DOMAIN),
                email(null, "email"),
                email("", "email"),
                email("   ", "email"),
                email("plainaddress", "email"),
                email("@example.com", "email"),
                email("ann@", "email"),
                email("ann@example", "email"),
                email("ann@@example.com", "email"),
                email("ann@ex@ample.com", "email"),
                email("ann smith@example.com", "email"),
                email("ann@exa mple.com", "email"),
                email("ann\t@example.com", "email"),
                email(".ann@example.com", "email"),
                email("ann.@example.com", "email"),
                email("ann@.example.com", "email"),
                email("ann@example.com.", "email"),
                email("ann@example..com", "email"),
                email("x".repeat(255 - AT_DOMAIN.length()) + AT_DOMAIN, "email"),

                password("Secret12"),
                password("Passw0rd"),
                password("Sécurité2024"),
                password("correct Horse battery 9"),
                password("Aa1" + "x".repeat(69)),
                password("Aa1" + "é".repeat(34)),
                password("\uD83D\uDE00".repeat(5) + "Aa1"),
                password(null, "password"),
                password("", "password"),
                password("Short1A", "password"),
                password("\uD83D\uDE00".repeat(4) + "Aa1", "password"),
                password("alllower1", "password"),
                password("ALLUPPER1", "password"),
                password("NoDigitsHere", "password"),
                password("12345678", "password"),
                password("        ", "password"),
                password("Aa1" + "x".repeat(70), "password"),
                password("Aa1" + "é".repeat(35), "password"),

                name("ann"),
                name("Ann_Smith_1984"),
                name("___"),
                name("123"),
                name("a".repeat(20)),
                name(null, "name"),
                name("", "name"),
                name("ab", "name"),
                name("a".repeat(21), "name"),
                name("ann smith", "name"),
                name("ann-smith", "name"),
                name("ann.smith", "name"),
                name("änn", "name"),
                name(" ann", "name"),
                name("ann\n", "name"),

                role("customer"),
                role("organizer"),
                role(null, "role"),
                role("", "role"),
                role("admin", "role"),
                role("Admin", "role"),
                role("CUSTOMER", "role"),
                role(" customer", "role"),
                role("customer ", "role"),
                role("superuser", "role"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Short1A      | at least 8 characters",
            "alllower1    | uppercase",
            "ALLUPPER1    | lowercase",
            "NoDigitsHere | digit",
    })
    void password_message_names_the_rule_that_failed(String password, String expectedFragment) {
        String message = CredentialRules.registrationErrors(EMAIL, password, NAME, ROLE).get("password");

        assertThat(message).contains(expectedFragment);
    }

    @Test
    void password_message_names_the_byte_limit_for_long_passwords() {
        String message = CredentialRules.registrationErrors(EMAIL, "Aa1" + "é".repeat(35), NAME, ROLE).get("password");

        assertThat(message).contains("72 bytes");
    }

    @Test
    void password_message_lists_every_rule_that_failed() {
        String message = CredentialRules.registrationErrors(EMAIL, "abc", NAME, ROLE).get("password");

        assertThat(message).contains("at least 8 characters", "uppercase", "digit").doesNotContain("lowercase");
    }

    @Test
    void role_message_lists_the_self_registrable_roles_only() {
        String message = CredentialRules.registrationErrors(EMAIL, PASSWORD, NAME, "admin").get("role");

        assertThat(message).contains("customer, organizer").doesNotContain("admin");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "ann@example.com,           ann@example.com",
            "'  Ann@Example.COM  ',     ann@example.com",
            "ANN.SMITH+X@EXAMPLE.CO.UK, ann.smith+x@example.co.uk",
    })
    void normalises_email_to_trimmed_lowercase(String raw, String expected) {
        assertThat(CredentialRules.normaliseEmail(raw)).isEqualTo(expected);
    }

    private static Arguments email(String email, String... failingFields) {
        return arguments(email, PASSWORD, NAME, ROLE, List.of(failingFields));
    }

    private static Arguments password(String password, String... failingFields) {
        return arguments(EMAIL, password, NAME, ROLE, List.of(failingFields));
    }

    private static Arguments name(String name, String... failingFields) {
        return arguments(EMAIL, PASSWORD, name, ROLE, List.of(failingFields));
    }

    private static Arguments role(String role, String... failingFields) {
        return arguments(EMAIL, PASSWORD, NAME, role, List.of(failingFields));
    }
}
