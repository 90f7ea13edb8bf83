package org.eventbooking.gateway.query;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eventbooking.domain.Booking;
import org.eventbooking.domain.EventInfo;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.gateway.http.ApiException;
import org.eventbooking.serde.Json;
import org.eventbooking.state.StoreNames;

/**
 * Interactive queries across the cluster: each read goes to the node whose task owns the key
 * ({@code queryMetadataForKey}), answered locally when that is this node and over the internal
 * HTTP routes otherwise. While Streams starts or rebalances, owners are unknown: reads retry for a
 * short while, then answer 503 with {@code Retry-After}.
 */
public final class ClusterReads {

    private static final int LOCATE_ATTEMPTS = 20;
    private static final long LOCATE_BACKOFF_MS = 100;
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalReads local;
    private final PeerClient peers;

    public ClusterReads(KafkaStreams streams, HostInfo self, LocalReads local, PeerClient peers) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.peers = peers;
    }

    public CompletableFuture<Optional<EventInfo>> event(String eventId) {
        return routed(StoreNames.EVENTS, eventId, () -> local.event(eventId),
                InternalPaths.event(eventId), body -> read(body, EventInfo.class));
    }

    public CompletableFuture<Optional<Availability>> availability(String eventId, boolean withSeats) {
        return routed(StoreNames.EVENTS, eventId, () -> local.availability(eventId, withSeats),
                InternalPaths.availability(eventId, withSeats), body -> read(body, Availability.class));
    }

    public CompletableFuture<Optional<Booking>> booking(String eventId, String bookingId, Duration wait) {
        return locate(StoreNames.BOOKINGS, eventId, 0).thenCompose(owner -> owner instanceof Owner.Remote remote
                ? peers.get(remote.host(), InternalPaths.booking(eventId, bookingId, wait), PEER_TIMEOUT.plus(wait))
                    .thenApply(body -> body.map(b -> read(b, Booking.class)))
                : localRead(() -> local.bookingChange(eventId, bookingId, wait)).thenCompose(Function.identity()));
    }

    public CompletableFuture<Optional<UserAccount>> account(String email) {
        return routed(StoreNames.USERS, email, () -> local.account(email),
                InternalPaths.account(email), body -> read(body, UserAccount.class));
    }

    public CompletableFuture<List<Booking>> userBookings(String userId) {
        return routed(StoreNames.USER_BOOKINGS, userId, () -> Optional.of(local.userBookings(userId)),
                InternalPaths.userBookings(userId), body -> readList(body, Booking.class))
                .thenApply(found -> found.orElse(List.of()));
    }

    /** A page of the catalog: every node's share, merged by event id. */
    public CompletableFuture<List<EventInfo>> events(String afterId, int limit) {
        Collection<StreamsMetadata> nodes;
        try {
            nodes = streams.streamsMetadataForStore(StoreNames.EVENTS);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            nodes = List.of();
        }
        if (nodes.isEmpty()) {
            return CompletableFuture.failedFuture(ApiException.unavailable("the catalog is not available yet: retry shortly", 1));
        }
        List<CompletableFuture<List<EventInfo>>> shares = new ArrayList<>();
        for (StreamsMetadata node : nodes) {
            shares.add(node.hostInfo().equals(self)
                    ? localRead(() -> local.events(afterId, limit))
                    : peers.get(node.hostInfo(), InternalPaths.events(afterId, limit), PEER_TIMEOUT)
                        .thenApply(body -> body.map(b -> readList(b, EventInfo.class)).orElse(List.of())));
        }
        return CompletableFuture.allOf(shares.toArray(CompletableFuture[]::new)).thenApply(done -> shares.stream()
                .flatMap(share -> share.join().stream())
                .sorted(Comparator.comparing(EventInfo::eventId))
                .limit(limit)
                .toList());
    }

    private <T> CompletableFuture<Optional<T>> routed(String store, String key, Supplier<Optional<T>> localRead,
                                                      String remotePath, Function<byte[], T> decode) {
        return locate(store, key, 0).thenCompose(owner -> owner instanceof Owner.Remote remote
                ? peers.get(remote.host(), remotePath, PEER_TIMEOUT).thenApply(body -> body.map(decode))
                : localRead(localRead));
    }

    private static <T> CompletableFuture<T> localRead(Supplier<T> read) {
        try {
            return CompletableFuture.completedFuture(read.get());
        } catch (InvalidStateStoreException e) {
            return CompletableFuture.failedFuture(ApiException.unavailable("this node's state is migrating: retry shortly", 1));
        }
    }

    private CompletableFuture<Owner> locate(String store, String key, int attempt) {
        Owner owner = ownerNow(store, key);
        if (!(owner instanceof Owner.Unknown)) {
            return CompletableFuture.completedFuture(owner);
        }
        if (attempt >= LOCATE_ATTEMPTS) {
            return CompletableFuture.failedFuture(ApiException.unavailable(
                    "the engine is rebalancing and this data has no owner yet: retry shortly", 1));
        }
        Executor later = CompletableFuture.delayedExecutor(LOCATE_BACKOFF_MS, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> locate(store, key, attempt + 1));
    }

    private Owner ownerNow(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Not started yet, or not running: the same as an owner not known yet.
            return new Owner.Unknown();
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return new Owner.Unknown();
        }
        return metadata.activeHost().equals(self) ? new Owner.Local() : new Owner.Remote(metadata.activeHost());
    }

    static <T> T read(byte[] body, Class<T> type) {
        return Json.read(body, type);
    }

    static <T> List<T> readList(byte[] body, Class<T> type) {
        ObjectReader reader = Json.MAPPER.readerForListOf(type);
        try {
            return reader.readValue(body);
        } catch (IOException e) {
            throw new UncheckedIOException("a peer answered with an unreadable " + type.getSimpleName() + " list", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
