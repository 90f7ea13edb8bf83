package org.eventbooking.kafka.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The two ports of one combined broker+controller node. */
record BrokerPorts(int nodeId, int clientPort, int controllerPort) {

    static final String HOST = "127.0.0.1";

    String clientAddress() {
        return HOST + ":" + clientPort;
    }

    String controllerAddress() {
        return HOST + ":" + controllerPort;
    }

    static List<BrokerPorts> allocate(int count) {
        return allocate(count, 0);
    }

    /**
     * Ports for nodes 1..count: client ports {@code firstClientPort, firstClientPort + 1, ...}, or
     * free ones when it is 0; controller ports are always free ones. All sockets stay open until
     * every port is chosen, so no port is handed out twice; another process may still grab one
     * before the broker binds it, which on a developer box is rare enough to surface as a failed
     * start rather than be retried.
     */
    static List<BrokerPorts> allocate(int count, int firstClientPort) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<BrokerPorts> ports = new ArrayList<>();
            for (int node = 1; node <= count; node++) {
                ServerSocket client = bind(firstClientPort == 0 ? 0 : firstClientPort + node - 1);
                sockets.add(client);
                ServerSocket controller = bind(0);
                sockets.add(controller);
                ports.add(new BrokerPorts(node, client.getLocalPort(), controller.getLocalPort()));
            }
            return List.copyOf(ports);
        } finally {
            sockets.forEach(BrokerPorts::closeQuietly);
        }
    }

    /** A port free on {@link #HOST} now, for a node's other listeners (e.g. its metrics agent). */
    static int free() {
        ServerSocket socket = bind(0);
        closeQuietly(socket);
        return socket.getLocalPort();
    }

    private static ServerSocket bind(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName(HOST));
        } catch (IOException e) {
            throw new LocalKafkaException(port == 0 ? "cannot find a free port on " + HOST
                    : "port " + HOST + ":" + port + " is in use: stop what listens there or choose another port", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
