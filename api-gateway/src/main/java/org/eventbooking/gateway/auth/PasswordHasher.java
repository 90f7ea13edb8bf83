package org.eventbooking.gateway.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt password hashing (BouncyCastle, version "2b").
 *
 * <p>bcrypt only reads the first 72 bytes (UTF-8) of a password; longer passwords are silently
 * truncated, so two passwords sharing those 72 bytes hash alike. Nothing is rejected here:
 * {@link CredentialRules} refuses longer passwords at registration.
 */
public final class PasswordHasher {

    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private static final String VERSION = "2b";
    private static final int SALT_BYTES = 16;

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    /** A real hash of the configured cost, so checking against it takes as long as a real login. */
    private final String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be between " + MIN_COST + " and " + MAX_COST + ", got " + cost);
        }
        this.cost = cost;
        this.dummyHash = hash("dummy password for unknown emails");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(VERSION, password.toCharArray(), salt, cost);
    }

    /** False, never an exception, for a null password or a stored hash that is not bcrypt. */
    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, password.toCharArray());
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /**
     * Does the work of a {@link #matches} against a real hash and discards the result: a login
     * for an unknown email then takes as long as one with a wrong password, so response time
     * does not reveal which emails are registered.
     */
    public void burnEquivalentTime(String password) {
        matches(password == null ? "" : password, dummyHash);
    }
}
