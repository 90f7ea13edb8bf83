package org.eventbooking.gateway.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become RFC 9457 {@code application/problem+json}: typed
 * {@link ApiException}s, Javalin's own (unknown route, body too large), and anything unexpected,
 * which is logged with its stack trace and answered as a 500 without one.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        config.routes.exception(CompletionException.class, (e, ctx) -> write(ctx, unwrap(e)));
        config.routes.exception(Exception.class, (e, ctx) -> write(ctx, unexpected(e, ctx)));
        config.routes.error(404, ctx -> {
            if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                write(ctx, ApiException.notFound("no route " + ctx.method() + " " + ctx.path()
                        + ": see /openapi.json for the routes of this API"));
            }
        });
        config.routes.error(405, ctx -> write(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path())));
    }

    static ApiException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof HttpResponseException javalin) {
            return fromJavalin(javalin);
        }
        LOG.error("request failed unexpectedly", cause);
        return internal();
    }

    private static ApiException unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        return internal();
    }

    private static ApiException internal() {
        return new ApiException(500, "internal-error", "Internal error",
                "the node failed to answer; retry later, and with the same Idempotency-Key for writes");
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> new ApiException(413, "body-too-large", "Request body too large",
                    "the request body is larger than " + JsonBodies.MAX_BODY_BYTES + " bytes");
            case 404 -> ApiException.notFound(e.getMessage());
            case 400 -> ApiException.badRequest(e.getMessage());
            default -> new ApiException(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage());
        };
    }

    public static void write(Context ctx, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + e.slug());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            body.put("errors", e.fieldErrors());
        }
        body.putAll(e.extensions());
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).contentType(CONTENT_TYPE).result(Responses.bytes(body));
    }
}
