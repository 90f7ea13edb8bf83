package org.eventbooking.deployment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server in the place of a gateway node behind nginx: it answers every request with its
 * name and records the headers nginx forwarded. The availability stream route sends one event and
 * then holds the response open, as a node's Server-Sent Events do.
 */
final class StandInNode implements AutoCloseable {

    /** What nginx forwarded to this node. */
    record Seen(String method, String path, String requestId, String forwardedProto, String forwardedFor) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch streamsReleased = new CountDownLatch(1);

    private StandInNode(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    static StandInNode start(String name) {
        try {
            return new StandInNode(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("X-Request-ID"),
                exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"), exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
        exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/availability/stream")) {
            stream(exchange);
            return;
        }
        byte[] body = ("{\"node\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("event: seats\ndata: {\"node\":\"" + name + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            // The stream stays open, like a watched event's, until the test is done with it.
            streamsReleased.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        streamsReleased.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
