package org.eventbooking.ops.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.eventbooking.state.Sha256;

/**
 * A changelog's content as bytes: how many entries, and the sum of a hash of each key and value, so
 * the order records arrive in does not matter. What a rebuild wrote and what it reads back must have
 * the same digest; comparing bytes needs no decoding.
 */
public final class ChangelogDigest {

    private final MessageDigest sha256 = Sha256.newDigest();
    private long entries;
    private long sum;

    static ChangelogDigest of(Map<String, byte[]> entries) {
        ChangelogDigest digest = new ChangelogDigest();
        entries.forEach(digest::add);
        return digest;
    }

    void add(String key, byte[] value) {
        sha256.update(key.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        entries++;
        sum += ByteBuffer.wrap(sha256.digest(value)).getLong();
    }

    public long entries() {
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChangelogDigest digest && digest.entries == entries && digest.sum == sum;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(entries * 31 + sum);
    }

    @Override
    public String toString() {
        return entries + ":" + Long.toHexString(sum);
    }
}
