package org.eventbooking.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eventbooking.gateway.auth.PasswordHasher;
import org.eventbooking.gateway.auth.TokenService;
import org.eventbooking.gateway.command.CommandBus;
import org.eventbooking.gateway.http.docs.ApiDocs;
import org.eventbooking.gateway.live.AvailabilityFeed;
import org.eventbooking.gateway.metrics.GatewayMetrics;
import org.eventbooking.gateway.payments.FakePaymentProvider;
import org.eventbooking.gateway.payments.PaymentProvider;
import org.eventbooking.gateway.payments.WebhookSignature;
import org.eventbooking.gateway.query.ClusterReads;
import org.eventbooking.gateway.query.LocalReads;
import org.eventbooking.gateway.query.PeerClient;
import org.eventbooking.gateway.redis.HoldRateLimiter;
import org.eventbooking.gateway.redis.HotReadCache;
import org.eventbooking.gateway.redis.TokenDenylist;
import org.eventbooking.serde.Json;

/** The node's HTTP API, built in one place: configuration, routes, errors, metrics. */
public final class GatewayApp {

    private GatewayApp() {
    }

    /** What the routes need from the node. */
    public record Parts(CommandBus commands, ClusterReads reads, LocalReads localReads, PeerClient peers,
                        AvailabilityFeed feed, HotReadCache cache, Duration cacheTtl, HoldRateLimiter limiter,
                        TokenDenylist denylist, TokenService tokens, PasswordHasher passwords, Set<String> adminEmails,
                        int maxSeatsPerEvent, GatewayMetrics metrics, BooleanSupplier ready,
                        Optional<FakePaymentProvider> fakeProvider, WebhookSignature webhookSignature, Duration webhookMaxAge,
                        OpenTelemetry openTelemetry, Optional<Path> webRoot) {
    }

    public static Javalin create(Parts parts) {
        Authenticator auth = new Authenticator(parts.tokens(), parts.denylist());
        Traces traces = new Traces(parts.openTelemetry());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.routes.before(traces::start);
            config.requestLogger.http((ctx, ms) -> {
                String route = routeOf(ctx);
                parts.metrics().recordRequest(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
                traces.end(ctx, route);
            });
            Problems.install(config);
            ApiDocs.install(config);
            parts.webRoot().ifPresent(root -> WebApp.install(config, root));
            new AuthRoutes(parts.commands(), parts.reads(), parts.passwords(), parts.tokens(), parts.denylist(), auth,
                    parts.adminEmails()).register(config.routes);
            new EventRoutes(parts.commands(), parts.reads(), new HotReads(parts.cache(), parts.cacheTtl()), auth, parts.feed(),
                    parts.maxSeatsPerEvent()).register(config.routes);
            new BookingRoutes(parts.commands(), parts.reads(), auth, parts.limiter(), parts.metrics(),
                    parts.fakeProvider().map(PaymentProvider.class::cast)).register(config.routes);
            new WebhookRoutes(parts.commands(), parts.webhookSignature(), parts.webhookMaxAge(), Clock.systemUTC()).register(config.routes);
            parts.fakeProvider().ifPresent(provider -> provider.register(config.routes));
            new OpsRoutes(parts.ready(), parts.metrics()).register(config.routes);
            new InternalRoutes(parts.localReads(), parts.peers()).register(config.routes);
        });
    }

    /** The route template, never the raw path: one series per route, not per id. */
    private static String routeOf(Context ctx) {
        Endpoint matched = ctx.endpoints().lastHttpEndpoint();
        return matched == null ? GatewayMetrics.UNMATCHED_ROUTE : matched.path;
    }
}
