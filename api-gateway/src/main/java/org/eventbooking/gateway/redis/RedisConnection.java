package org.eventbooking.gateway.redis;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The gateway's one pooled Redis client. Redis is an optimisation and a shared counter for the gateway, never a
 * dependency it may stall on: every command goes through {@link #call}, which turns a failure into an empty
 * result so the caller can fall back, and reports outages to the listener once per transition.
 */
public final class RedisConnection implements AutoCloseable {

    /**
     * Enough for the HTTP worker threads that touch Redis at once: commands take well under a millisecond, so
     * threads beyond this wait briefly for a connection instead of opening more.
     */
    private static final int POOL_SIZE = 32;

    private final RedisClient client;
    private final RedisOutageListener listener;
    // Starts "up" so that the first failure is reported as an outage and the first success is not a recovery.
    private final AtomicBoolean available = new AtomicBoolean(true);

    public RedisConnection(RedisEndpoint endpoint, RedisOutageListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        int timeoutMillis = Math.toIntExact(endpoint.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("api-gateway");
        if (endpoint.password() != null) {
            config.password(endpoint.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        // The default is to wait forever for a free connection; a request must not.
        pool.setMaxWait(endpoint.timeout());
        this.client = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    /**
     * Runs {@code command} against Redis. Returns its result, or empty when Redis failed (connection refused or
     * lost, timeout, pool exhausted, error reply) or when the command itself returned null (a missing key).
     */
    public <T> Optional<T> call(String operation, Function<UnifiedJedis, T> command) {
        try {
            T result = command.apply(client);
            if (available.compareAndSet(false, true)) {
                listener.recovered();
            }
            return Optional.ofNullable(result);
        } catch (JedisException e) {
            if (e instanceof JedisConnectionException) {
                // The server went away, so the idle connections to it are dead too. Dropping them now keeps
                // each of them from failing one more request (and flapping the outage state) after it is back.
                client.getPool().clear();
            }
            if (available.compareAndSet(true, false)) {
                listener.unavailable(operation, e);
            }
            return Optional.empty();
        }
    }

    /** Whether the most recent command succeeded; lets callers skip a second doomed round trip. */
    public boolean isAvailable() {
        return available.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
