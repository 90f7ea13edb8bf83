package org.eventbooking.gateway.http;

import io.javalin.http.Context;
import org.eventbooking.gateway.command.ReplyTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a command's failure reaches the client. */
final class Commands {

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private Commands() {
    }

    /** Writes the problem for a failed command or read; returns null for {@code exceptionally}. */
    static Void fail(Context ctx, Throwable failure) {
        try {
            writeFailure(ctx, failure);
        } catch (IllegalStateException e) {
            // The client gave up and the server recycled the exchange: nobody is left to answer.
            LOG.debug("could not answer a request whose client has gone: {}", e.toString());
        }
        return null;
    }

    private static void writeFailure(Context ctx, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ApiException) && !(cause instanceof ReplyTimeoutException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ReplyTimeoutException timeout) {
            Problems.write(ctx, new ApiException(504, "reply-timeout", "No committed reply in time",
                    timeout.getMessage() + "; the request may still be applied: retry with the same Idempotency-Key"
                            + " to get its outcome without applying it twice"));
            return;
        }
        Problems.write(ctx, Problems.unwrap(cause));
    }
}
