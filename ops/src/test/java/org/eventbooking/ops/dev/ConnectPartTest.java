package org.eventbooking.ops.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConnectPartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ready_only_when_the_connector_and_every_task_run() throws Exception {
        assertThat(ConnectPart.allRunning(status("RUNNING", "RUNNING", "RUNNING"))).isTrue();
        assertThat(ConnectPart.allRunning(status("RUNNING", "RUNNING", "FAILED"))).isFalse();
        assertThat(ConnectPart.allRunning(status("UNASSIGNED", "RUNNING"))).isFalse();
        assertThat(ConnectPart.allRunning(status("RUNNING"))).as("no task yet").isFalse();
    }

    private static JsonNode status(String connector, String... tasks) throws Exception {
        StringBuilder json = new StringBuilder("{\"name\":\"projections\",\"connector\":{\"state\":\"" + connector + "\"},\"tasks\":[");
        for (int i = 0; i < tasks.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"state\":\"").append(tasks[i]).append("\"}");
        }
        return JSON.readTree(json.append("]}").toString());
    }
}
