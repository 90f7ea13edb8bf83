package org.eventbooking.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Free ports for nodes 1..count. All sockets stay open until every port is chosen, so no port
     * is handed out twice; another process may still grab one before the broker binds it, which
     * on a developer box is rare enough to surface as a failed start rather than be retried.
     */
    static List<BrokerPorts> allocate(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
            }
            List<BrokerPorts> ports = new ArrayList<>();
            for (int node = 1; node <= count; node++) {
                int first = 2 * (node - 1);
                ports.add(new BrokerPorts(node, sockets.get(first).getLocalPort(),
                        sockets.get(first + 1).getLocalPort()));
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports on " + HOST, e);
        } finally {
            sockets.forEach(BrokerPorts::closeQuietly);
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
