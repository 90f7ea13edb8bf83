package org.eventbooking.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisEndpointTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void parsesHostAndPort() {
        assertThat(RedisEndpoint.parse("redis://cache.internal:6380", TIMEOUT))
                .isEqualTo(new RedisEndpoint("cache.internal", 6380, null, TIMEOUT));
    }

    @Test
    void parsesPassword() {
        assertThat(RedisEndpoint.parse("redis://:s3cret@127.0.0.1:6379", TIMEOUT).password()).isEqualTo("s3cret");
    }

    @Test
    void decodesPercentEncodedPassword() {
        assertThat(RedisEndpoint.parse("redis://:a%40b%3Ac@localhost:6379/", TIMEOUT).password()).isEqualTo("a@b:c");
    }

    @Test
    void stripsBracketsFromIpv6Host() {
        assertThat(RedisEndpoint.parse("redis://[::1]:6379", TIMEOUT).host()).isEqualTo("::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "localhost:6379", "http://localhost:6379", "rediss://localhost:6379",
            "redis://localhost", "redis://:6379", "redis://user:pw@localhost:6379", "redis://:@localhost:6379",
            "redis://localhost:6379/2", "redis://localhost:6379?timeout=1", "redis://local host:6379",
            "redis://localhost:0", "redis://localhost:70000"})
    void rejectsBadUrlsWithTheExpectedForm(String url) {
        assertThatThrownBy(() -> RedisEndpoint.parse(url, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected redis://[:password@]host:port");
    }

    @Test
    void namesTheProblem() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://localhost", TIMEOUT))
                .hasMessage("Bad Redis URL 'redis://localhost': port is missing; expected redis://[:password@]host:port");
    }

    @Test
    void neverShowsThePassword() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:s3cret@localhost:6379", TIMEOUT);
        assertThat(endpoint.toString()).doesNotContain("s3cret").contains("localhost:6379");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://:s3cret@localhost:6379/1", TIMEOUT))
                .message().doesNotContain("s3cret");
    }

    @Test
    void rejectsNonPositiveTimeout() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://localhost:6379", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }
}
