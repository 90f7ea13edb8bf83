package org.eventbooking.sink.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver on a free local port, as Jaeger's: it keeps the body of every export
 * (protobuf) and answers 200, so a process under test exports to it as to a real collector.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                receiver.exports.add(body.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The endpoint to configure: the exporter appends /v1/traces. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether some export holds all of {@code hexIds} (trace and span ids, in their binary form) and {@code text}. */
    public boolean received(String text, String... hexIds) {
        // ISO-8859-1 maps every byte to one char: a byte search becomes a string search.
        return exports.stream().map(body -> new String(body, StandardCharsets.ISO_8859_1)).anyMatch(body ->
                body.contains(text) && Arrays.stream(hexIds).allMatch(id ->
                        body.contains(new String(HexFormat.of().parseHex(id), StandardCharsets.ISO_8859_1))));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
