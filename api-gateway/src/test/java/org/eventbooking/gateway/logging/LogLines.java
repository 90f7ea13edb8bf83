package org.eventbooking.gateway.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs what a node logs while it handles a traced request, for NodeLoggingIT to read in a JVM of its own. */
public final class LogLines {

    static final String REQUEST_ID = "req-7f3a";
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";

    private LogLines() {
    }

    public static void main(String[] args) {
        MDC.put("request_id", REQUEST_ID);
        MDC.put("trace_id", TRACE_ID);
        MDC.put("span_id", SPAN_ID);
        Logger platform = LoggerFactory.getLogger("org.eventbooking.gateway.http.GatewayApp");
        platform.debug("hold request parsed");
        platform.info("hold granted");
        LoggerFactory.getLogger("org.apache.kafka.clients.Metadata").info("cluster metadata updated");
    }
}
