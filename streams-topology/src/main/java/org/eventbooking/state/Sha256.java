package org.eventbooking.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, which every Java runtime has, without the checked exception at each use. */
public final class Sha256 {

    private Sha256() {
    }

    /** A new digest; reuse it where it is hot, since getInstance looks the provider up on every call. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
