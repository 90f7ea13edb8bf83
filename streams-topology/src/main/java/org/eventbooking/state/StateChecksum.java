package org.eventbooking.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A content checksum per table: entry count plus the sum of each entry's SHA-256 (first 8 bytes).
 * Independent of iteration order, so a RocksDB store and a sorted map with the same entries agree.
 * Values are hashed by {@code toString()}, which records define over all their components.
 */
public record StateChecksum(Map<String, String> tables) {

    public static StateChecksum of(Map<String, ? extends Table<?>> tables) {
        // Tables are independent, and a rebuild checksums millions of entries.
        Map<String, String> sums = new TreeMap<>(tables.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> checksum(e.getKey(), e.getValue()))));
        return new StateChecksum(new LinkedHashMap<>(sums));
    }

    private static String checksum(String name, Table<?> table) {
        MessageDigest sha256 = Sha256.newDigest();
        long[] countAndSum = new long[2];
        table.forEach((key, value) -> {
            sha256.reset();
            byte[] digest = sha256.digest((name + '\0' + key + '\0' + value).getBytes(StandardCharsets.UTF_8));
            countAndSum[0]++;
            countAndSum[1] += ByteBuffer.wrap(digest).getLong();
        });
        return countAndSum[0] + ":" + Long.toHexString(countAndSum[1]);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        tables.forEach((name, sum) -> text.append(name).append('=').append(sum).append(' '));
        return text.toString().trim();
    }
}
