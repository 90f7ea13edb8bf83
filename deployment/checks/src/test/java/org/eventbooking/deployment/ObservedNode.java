package org.eventbooking.deployment;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.eventbooking.gateway.GatewayNode;
import org.eventbooking.gateway.testsupport.Platform;

/**
 * A real gateway node of the platform that keeps its own server spans, so a test behind a proxy
 * can tell which requests this node served, with which request id and status.
 */
final class ObservedNode implements AutoCloseable {

    /** One request this node answered. */
    record Served(String method, String route, long status, String requestId) {
    }

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("booking.request_id");

    private final InMemorySpanExporter spans;
    private final OpenTelemetrySdk sdk;
    private final GatewayNode node;

    private ObservedNode(InMemorySpanExporter spans, OpenTelemetrySdk sdk, GatewayNode node) {
        this.spans = spans;
        this.sdk = sdk;
        this.node = node;
    }

    static ObservedNode start(Platform platform, String nodeId) {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();
        return new ObservedNode(spans, sdk, platform.node(nodeId, sdk));
    }

    GatewayNode node() {
        return node;
    }

    /** Where nginx reaches this node. */
    String address() {
        return "127.0.0.1:" + node.port();
    }

    String baseUrl() {
        return node.baseUrl();
    }

    /** The requests answered so far (a span ends just after its response is written). */
    List<Served> served() {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getAttributes().get(ROUTE) != null)
                .map(ObservedNode::served)
                .toList();
    }

    List<Served> servedWithRequestId(String requestId) {
        return served().stream().filter(s -> requestId.equals(s.requestId())).toList();
    }

    private static Served served(SpanData span) {
        Long status = span.getAttributes().get(STATUS);
        return new Served(span.getAttributes().get(METHOD), span.getAttributes().get(ROUTE), status == null ? 0 : status,
                span.getAttributes().get(REQUEST_ID));
    }

    @Override
    public void close() {
        node.close();
        sdk.close();
    }
}
