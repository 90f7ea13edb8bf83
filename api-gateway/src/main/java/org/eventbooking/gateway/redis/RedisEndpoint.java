package org.eventbooking.gateway.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the gateway's Redis is and how long any one network step with it may take.
 *
 * @param host     host name or IP literal (IPv6 without brackets)
 * @param port     TCP port
 * @param password the {@code requirepass} password, or null when Redis has none
 * @param timeout  connect and socket timeout; short, because a dead Redis must not stall a request
 */
public record RedisEndpoint(String host, int port, String password, Duration timeout) {

    public RedisEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Redis host is missing");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Redis port must be 1..65535, was " + port);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Redis timeout must be positive and fit in int milliseconds, was "
                    + timeout);
        }
    }

    /**
     * Parses {@code redis://[:password@]host:port}. The password may be percent-encoded. ACL user names,
     * database numbers and TLS are not supported, and are rejected rather than silently ignored.
     */
    public static RedisEndpoint parse(String url, Duration timeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Redis URL is missing; expected redis://[:password@]host:port");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw bad(url, "not a URI (" + e.getReason() + ")");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme())) {
            throw bad(url, "scheme must be redis://");
        }
        if (uri.getHost() == null) {
            throw bad(url, "host or port is missing or invalid");
        }
        if (uri.getPort() == -1) {
            throw bad(url, "port is missing");
        }
        if (uri.getPort() < 1 || uri.getPort() > 65_535) {
            throw bad(url, "port must be 1..65535");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw bad(url, "database numbers, query parameters and fragments are not supported");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RedisEndpoint(host, uri.getPort(), password(url, uri.getUserInfo()), timeout);
    }

    private static String password(String url, String userInfo) {
        if (userInfo == null) {
            return null;
        }
        if (!userInfo.startsWith(":")) {
            throw bad(url, "only a password is supported, written as redis://:password@host:port");
        }
        String password = userInfo.substring(1);
        if (password.isEmpty()) {
            throw bad(url, "password after ':' is empty");
        }
        return password;
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("Bad Redis URL '" + redact(url) + "': " + why
                + "; expected redis://[:password@]host:port");
    }

    /** Messages and logs must not carry the password. */
    private static String redact(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at > scheme && scheme >= 0 ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + (password == null ? "" : ", password=***")
                + ", timeout=" + timeout + "]";
    }
}
