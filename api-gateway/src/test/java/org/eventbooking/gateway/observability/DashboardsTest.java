package org.eventbooking.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provisioned Grafana dashboards are valid JSON, and every panel queries the provisioned datasource. */
class DashboardsTest {

    private static final String DATASOURCE_UID = "prometheus";

    @Test
    void the_overview_funnel_sell_through_streams_projections_jvm_and_broker_dashboards_exist() {
        assertThat(ObservabilityFiles.dashboards()).extracting(path -> path.getFileName().toString())
                .contains("platform-overview.json", "booking-funnel.json", "event-sell-through.json", "kafka-streams.json",
                        "projections.json", "jvm.json", "kafka-brokers.json");
    }

    @Test
    void every_panel_has_a_query_on_the_provisioned_datasource() {
        for (Path dashboard : ObservabilityFiles.dashboards()) {
            JsonNode json = ObservabilityFiles.read(dashboard);
            assertThat(json.path("panels")).as("%s has panels", dashboard).isNotEmpty();
            for (JsonNode panel : json.path("panels")) {
                String where = dashboard.getFileName() + " panel '" + panel.path("title").asText() + "'";
                assertThat(panel.path("title").asText()).as(where + " title").isNotBlank();
                assertThat(panel.path("targets")).as(where + " targets").isNotEmpty();
                panel.path("targets").forEach(target -> {
                    assertThat(target.path("expr").asText()).as(where + " query").isNotBlank();
                    assertThat(target.path("datasource").path("uid").asText()).as(where + " datasource").isEqualTo(DATASOURCE_UID);
                });
            }
        }
    }

    @Test
    void dashboards_have_unique_ids_and_panels_unique_ids() {
        Set<String> uids = new HashSet<>();
        for (Path dashboard : ObservabilityFiles.dashboards()) {
            JsonNode json = ObservabilityFiles.read(dashboard);
            assertThat(uids.add(json.path("uid").asText())).as("uid of %s is unique", dashboard).isTrue();
            List<Integer> ids = json.path("panels").findValues("id").stream().map(JsonNode::asInt).toList();
            assertThat(ids).as("panel ids of %s", dashboard).doesNotHaveDuplicates();
        }
    }

    @Test
    void the_datasource_is_provisioned_under_the_uid_the_panels_use() {
        assertThat(String.join("\n", ObservabilityFiles.lines(ObservabilityFiles.root().resolve("grafana/provisioning/datasources/prometheus.yml"))))
                .contains("uid: " + DATASOURCE_UID).contains("type: prometheus");
    }
}
