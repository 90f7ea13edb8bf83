package org.eventbooking.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §1-2: the domain ({@code decide}/{@code evolve}) and its state code are pure, so they are
 * unit tested without Kafka and reused by replay. They may not reach for Kafka, Jackson, HTTP or JDBC.
 */
class DomainIsPureTest {

    private static final String[] INFRASTRUCTURE = {
        "org.apache.kafka..", "com.fasterxml.jackson..", "io.javalin..", "java.sql..", "org.postgresql.."};

    private static ArchRule pure(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
                .because("decide and evolve are pure functions tested without Kafka (DESIGN §2)");
    }

    @Test
    void domain_and_state_depend_on_no_kafka_jackson_javalin_or_jdbc() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.eventbooking.domain", "org.eventbooking.state");
        assertThat(production.stream().map(c -> c.getPackageName()))
                .as("the rule must see the domain and state classes")
                .contains("org.eventbooking.domain", "org.eventbooking.domain.command", "org.eventbooking.domain.event",
                        "org.eventbooking.state");

        pure("org.eventbooking.domain..", "org.eventbooking.state..").check(production);
    }

    @Test
    void the_rule_catches_a_class_that_uses_kafka() {
        JavaClasses impure = new ClassFileImporter().importClasses(UsesKafka.class);

        EvaluationResult result = pure("org.eventbooking.architecture..").evaluate(impure);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(Serde.class.getName()));
    }

    /** A stand-in for a domain class that slipped a Kafka type in. */
    static final class UsesKafka {
        Serde<String> serde;
    }
}
