package org.eventbooking.ops.dev;

/**
 * The one line {@code ./booking dev} prints once the platform serves (DESIGN §6, a contract: the web
 * front end's browser tests and scripts wait for it and parse it).
 */
record ReadyLine(String gatewayUrl, String postgresJdbcUrl, String kafkaBootstrap) {

    ReadyLine {
        for (String value : new String[] {gatewayUrl, postgresJdbcUrl, kafkaBootstrap}) {
            if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a READY value must be one word, got '" + value + "'");
            }
        }
    }

    /** {@code READY gateway=http://127.0.0.1:8080 postgres=jdbc:postgresql://...?user=..&password=.. kafka=127.0.0.1:9092} */
    String format() {
        return "READY gateway=" + gatewayUrl + " postgres=" + postgresJdbcUrl + " kafka=" + kafkaBootstrap;
    }
}
