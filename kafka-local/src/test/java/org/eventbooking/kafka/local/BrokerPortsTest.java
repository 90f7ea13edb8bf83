package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BrokerPortsTest {

    @Test
    void allocates_distinct_ports_for_nodes_one_to_n() {
        List<BrokerPorts> ports = BrokerPorts.allocate(3);

        assertThat(ports).extracting(BrokerPorts::nodeId).containsExactly(1, 2, 3);
        assertThat(ports.stream().flatMap(p -> Stream.of(p.clientPort(), p.controllerPort())))
                .doesNotHaveDuplicates()
                .allMatch(port -> port > 0);
    }

    @Test
    void gives_consecutive_client_ports_from_the_chosen_first_one() throws IOException {
        int first = freePort();

        List<BrokerPorts> ports = BrokerPorts.allocate(1, first);

        assertThat(ports).extracting(BrokerPorts::clientPort).containsExactly(first);
        assertThat(ports.get(0).controllerPort()).isNotEqualTo(first).isPositive();
    }

    @Test
    void names_a_chosen_client_port_that_is_in_use() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(BrokerPorts.HOST))) {
            assertThatThrownBy(() -> BrokerPorts.allocate(1, taken.getLocalPort()))
                    .isInstanceOf(LocalKafkaException.class)
                    .hasMessageContaining("port 127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BrokerPorts.HOST))) {
            return socket.getLocalPort();
        }
    }
}
