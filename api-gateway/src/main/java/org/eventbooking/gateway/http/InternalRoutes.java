package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.eventbooking.gateway.query.InternalPaths;
import org.eventbooking.gateway.query.LocalReads;
import org.eventbooking.gateway.query.PeerClient;

/**
 * Node-to-node reads of this node's own stores (see {@code ClusterReads}). Not part of the public
 * API: callers must present the cluster's internal token, and nginx does not route {@code /internal}.
 */
final class InternalRoutes {

    private final LocalReads local;
    private final PeerClient peers;

    InternalRoutes(LocalReads local, PeerClient peers) {
        this.local = local;
        this.peers = peers;
    }

    void register(RoutesConfig routes) {
        routes.get(InternalPaths.EVENTS, ctx -> guarded(ctx, () -> Optional.of(local.events(ctx.queryParam("after"),
                Headers.intQuery(ctx, "limit", 20, 1, 100)))));
        routes.get(InternalPaths.EVENT, ctx -> guarded(ctx, () -> local.event(ctx.pathParam("eventId"))));
        routes.get(InternalPaths.AVAILABILITY, ctx -> guarded(ctx, () -> local.availability(ctx.pathParam("eventId"),
                Headers.boolQuery(ctx, "seats"))));
        routes.get(InternalPaths.ACCOUNT, ctx -> guarded(ctx, () -> local.account(ctx.pathParam("email"))));
        routes.get(InternalPaths.USER_BOOKINGS, ctx -> guarded(ctx, () -> Optional.of(local.userBookings(ctx.pathParam("userId")))));
        routes.get(InternalPaths.BOOKING, this::booking);
    }

    private void booking(Context ctx) {
        requireInternal(ctx);
        Duration wait = Duration.ofMillis(Headers.intQuery(ctx, "waitMs", 0, 0, 30_000));
        ctx.future(() -> local.bookingChange(ctx.pathParam("eventId"), ctx.pathParam("bookingId"), wait)
                .thenAccept(found -> write(ctx, found)));
    }

    private void guarded(Context ctx, java.util.function.Supplier<Optional<?>> read) {
        requireInternal(ctx);
        write(ctx, read.get());
    }

    private void requireInternal(Context ctx) {
        if (!peers.isInternal(ctx.header(PeerClient.INTERNAL_TOKEN_HEADER))) {
            throw ApiException.notFound("no route " + ctx.method() + " " + ctx.path());
        }
    }

    private static void write(Context ctx, Optional<?> found) {
        if (found.isEmpty()) {
            throw ApiException.notFound("not on this node");
        }
        Responses.json(ctx, 200, found.get());
    }
}
