package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The blue-green upstream (nginx/upstream-green.conf) balances the green nodes exactly as the blue one does the blue nodes. */
class NginxUpstreamsTest {

    @Test
    void the_green_upstream_is_the_blue_one_on_the_green_nodes() {
        List<String> blue = directives("nginx/conf.d/10-upstream.conf");
        List<String> green = directives("nginx/upstream-green.conf");
        assertThat(blue).contains("server gateway-1:8080 max_fails=3 fail_timeout=30s;");
        assertThat(green).isEqualTo(blue.stream().map(line -> line.replaceAll("gateway-(\\d+):", "gateway-green-$1:")).toList());
    }

    private static List<String> directives(String file) {
        return Repository.read(file).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
