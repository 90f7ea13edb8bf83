package org.eventbooking.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

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
}
