package org.eventbooking.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validation of registration input. Pure and static so the HTTP layer can report every bad
 * field at once, keyed by field name, before anything is hashed or stored.
 */
public final class CredentialRules {

    /** RFC 5321 caps a forward path at 256 including the angle brackets. */
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MIN_PASSWORD_CHARS = 8;
    /** bcrypt ignores everything after 72 bytes; refusing longer passwords avoids a false sense of strength. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_]{3,20}$");
    private static final String ALLOWED_ROLES = Arrays.stream(Role.values())
            .filter(Role::selfRegistrable)
            .map(Role::wireName)
            .collect(Collectors.joining(", "));

    private CredentialRules() {
    }

    /** Field name to human message, in form order; empty when the input is acceptable. */
    public static Map<String, String> registrationErrors(String email, String password, String name, String role) {
        Map<String, String> errors = new LinkedHashMap<>();
        emailError(email).ifPresent(message -> errors.put("email", message));
        passwordError(password).ifPresent(message -> errors.put("password", message));
        nameError(name).ifPresent(message -> errors.put("name", message));
        roleError(role).ifPresent(message -> errors.put("role", message));
        return errors;
    }

    /**
     * The email is the user key, so "Ann@X.org " and "ann@x.org" must be the same account.
     * Call it on input that passed {@link #registrationErrors} (or at least is not null).
     */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> emailError(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("email is required");
        }
        String trimmed = email.trim();
        if (trimmed.length() > MAX_EMAIL_LENGTH) {
            return Optional.of("email must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (!looksLikeEmail(trimmed)) {
            return Optional.of("email must look like name@example.com");
        }
        return Optional.empty();
    }

    /**
     * Pragmatic, not RFC 5322: catches typos without rejecting real addresses. Deliverability
     * is the only true test and belongs to a confirmation email, not to a regex.
     */
    private static boolean looksLikeEmail(String email) {
        int at = email.indexOf('@');
        if (at < 0 || at != email.lastIndexOf('@') || email.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return hasNoEdgeDots(local)
                && hasNoEdgeDots(domain)
                && domain.contains(".")
                && !domain.contains("..");
    }

    private static boolean hasNoEdgeDots(String part) {
        return !part.isEmpty() && !part.startsWith(".") && !part.endsWith(".");
    }

    private static Optional<String> passwordError(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password is required");
        }
        List<String> failed = new ArrayList<>();
        // Code points, so a character outside the BMP counts once, as the user sees it.
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            failed.add("be at least " + MIN_PASSWORD_CHARS + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            failed.add("be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        // Unicode-aware on purpose: "É" is an uppercase letter for a French speaker too.
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            failed.add("contain an uppercase letter");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            failed.add("contain a lowercase letter");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            failed.add("contain a digit");
        }
        return failed.isEmpty()
                ? Optional.empty()
                : Optional.of("password must " + String.join(", ", failed));
    }

    private static Optional<String> nameError(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("name is required");
        }
        return NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("name must be 3 to 20 letters, digits or underscores");
    }

    private static Optional<String> roleError(String role) {
        if (role == null || role.isEmpty()) {
            return Optional.of("role is required (one of: " + ALLOWED_ROLES + ")");
        }
        boolean allowed = Role.fromWire(role).filter(Role::selfRegistrable).isPresent();
        return allowed ? Optional.empty() : Optional.of("role must be one of: " + ALLOWED_ROLES);
    }
}
