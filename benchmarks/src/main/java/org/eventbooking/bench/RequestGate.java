package org.eventbooking.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * At most {@code connections} requests on the wire, like a proxy's keep-alive pool in front of the
 * node (the JDK client opens a new connection for each concurrent HTTP/1.1 request, and a node
 * fielding thousands of fresh connections measures connection set-up, not bookings); the rest wait
 * here in arrival order. Requests go round-robin over several clients, since one JDK client reads
 * every response on a single selector thread.
 */
final class RequestGate {

    private final List<HttpClient> clients;
    private final Semaphore connections;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();

    RequestGate(List<HttpClient> clients, int connections) {
        this.clients = List.copyOf(clients);
        this.connections = new Semaphore(connections);
    }

    /** A gate over {@code clientCount} clients of its own, each with its own completion threads. */
    static RequestGate withOwnClients(int connections, int clientCount, String threadName) {
        return withOwnClients(connections, clientCount, threadName, Optional.empty());
    }

    /** The same, speaking TLS with {@code tls} (e.g. trusting nginx's self-signed certificate) when given. */
    static RequestGate withOwnClients(int connections, int clientCount, String threadName, Optional<SSLContext> tls) {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            // One slow callback on a client then delays no other client's responses.
            HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(2, BenchNode.daemon(threadName + "-" + i)));
            tls.ifPresent(client::sslContext);
            clients.add(client.build());
        }
        return new RequestGate(clients, connections);
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> CompletableFuture<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        waiting.add(() -> {
            HttpClient client = clients.get((int) (sent.getAndIncrement() % clients.size()));
            try {
                client.sendAsync(request, body).whenComplete((response, failure) -> {
                    release();
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(response);
                    }
                });
            } catch (RuntimeException e) {
                release();
                result.completeExceptionally(e);
            }
        });
        sendWaiting();
        return result;
    }

    private void release() {
        connections.release();
        sendWaiting();
    }

    private void sendWaiting() {
        while (!waiting.isEmpty() && connections.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                connections.release();
                return;
            }
            next.run();
        }
    }
}
