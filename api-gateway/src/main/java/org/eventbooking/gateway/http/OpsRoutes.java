package org.eventbooking.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eventbooking.gateway.metrics.GatewayMetrics;

/** Liveness, readiness and metrics for orchestrators and Prometheus. */
final class OpsRoutes {

    private final BooleanSupplier ready;
    private final GatewayMetrics metrics;

    OpsRoutes(BooleanSupplier ready, GatewayMetrics metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", ctx -> Responses.json(ctx, 200, Map.of("status", "UP")));
        routes.get("/ready", this::readiness);
        routes.get("/metrics", ctx -> ctx.contentType(GatewayMetrics.CONTENT_TYPE).result(metrics.scrape()));
    }

    private void readiness(Context ctx) {
        if (!ready.getAsBoolean()) {
            throw ApiException.unavailable("the engine is not running yet (starting, restoring state or rebalancing)", 1);
        }
        Responses.json(ctx, 200, Map.of("status", "READY"));
    }
}
