package org.eventbooking.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eventbooking.gateway.auth.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

    @Test
    void defaults_run_a_local_development_node() {
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.of());

        assertThat(config.production()).isFalse();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(config.holdsPerMinute()).isEqualTo(20);
        assertThat(config.cacheTtl()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(config.jwtSecret()).isEqualTo(TokenService.DEV_SECRET);
    }

    @Test
    void production_refuses_the_development_or_a_missing_secret() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_MODE", "production")))
                .hasMessageContaining("BOOKING_JWT_SECRET");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_MODE", "production", "BOOKING_JWT_SECRET", "short")))
                .hasMessageContaining("BOOKING_JWT_SECRET");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_MODE", "production",
                "BOOKING_JWT_SECRET", "a-real-secret-of-more-than-32-characters")))
                .hasMessageContaining("BOOKING_PAYMENT_WEBHOOK_SECRET");
        assertThat(GatewayConfig.fromEnvironment(Map.of("BOOKING_MODE", "production",
                "BOOKING_JWT_SECRET", "a-real-secret-of-more-than-32-characters",
                "BOOKING_PAYMENT_WEBHOOK_SECRET", "the-providers-signing-secret-of-32-chars")).production()).isTrue();
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_MODE", "production",
                "BOOKING_JWT_SECRET", "a-real-secret-of-more-than-32-characters",
                "BOOKING_PAYMENT_WEBHOOK_SECRET", "the-providers-signing-secret-of-32-chars", "BOOKING_FAKE_PROVIDER", "true")))
                .hasMessageContaining("BOOKING_FAKE_PROVIDER");
    }

    @Test
    void a_setting_that_does_not_parse_is_named() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_HTTP_PORT", "eighty")))
                .hasMessageContaining("BOOKING_HTTP_PORT=eighty");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_CACHE_TTL_MS", "5000")))
                .hasMessageContaining("BOOKING_CACHE_TTL_MS");
    }

    @Test
    void a_configured_web_root_must_hold_a_built_app(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("BOOKING_WEB_ROOT", dir.toString())))
                .hasMessageContaining("BOOKING_WEB_ROOT").hasMessageContaining("npm run build");
        Files.writeString(dir.resolve("index.html"), "<!DOCTYPE html>");

        assertThat(GatewayConfig.fromEnvironment(Map.of("BOOKING_WEB_ROOT", dir.toString())).webRoot()).contains(dir);
    }

    @Test
    void admins_are_configured_by_email_case_insensitively() {
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.of("BOOKING_ADMIN_EMAILS", " Root@Example.com, ops@example.com ,"));

        assertThat(config.adminEmails()).containsExactlyInAnyOrder("root@example.com", "ops@example.com");
    }

    @Test
    void the_reply_partition_is_configured_or_derived_from_the_node_id_within_range() {
        assertThat(GatewayConfig.fromEnvironment(Map.of("BOOKING_REPLY_PARTITION", "7")).replyPartitionOf(6)).isEqualTo(1);
        int derived = GatewayConfig.fromEnvironment(Map.of("BOOKING_NODE_ID", "node-b")).replyPartitionOf(6);
        assertThat(derived).isBetween(0, 5);
    }
}
