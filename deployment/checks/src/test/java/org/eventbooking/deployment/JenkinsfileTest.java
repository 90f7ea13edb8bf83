package org.eventbooking.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.builder.AstBuilder;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.control.CompilePhase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jenkinsfile parses as Groovy (the compiler from Maven Central), has the stages of the delivery
 * pipeline in order, and every {@code sh} step runs an executable script of this repository.
 */
class JenkinsfileTest {

    private static final List<MethodCallExpression> CALLS = new ArrayList<>();

    @BeforeAll
    static void parse() {
        List<ASTNode> nodes = new AstBuilder().buildFromString(CompilePhase.CONVERSION, false, Repository.read("Jenkinsfile"));
        CodeVisitorSupport collector = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                CALLS.add(call);
                super.visitMethodCallExpression(call);
            }
        };
        nodes.stream().filter(BlockStatement.class::isInstance).forEach(node -> node.visit(collector));
    }

    private static List<String> firstStringArguments(String method) {
        List<String> arguments = new ArrayList<>();
        for (MethodCallExpression call : CALLS) {
            if (call.getMethodAsString() != null && call.getMethodAsString().equals(method)
                    && call.getArguments() instanceof ArgumentListExpression list && !list.getExpressions().isEmpty()) {
                Expression first = list.getExpression(0);
                arguments.add(first instanceof ConstantExpression constant ? String.valueOf(constant.getValue()) : first.getText());
            }
        }
        return arguments;
    }

    @Test
    void it_is_a_declarative_pipeline_with_the_delivery_stages_in_order() {
        assertThat(CALLS).anyMatch(call -> "pipeline".equals(call.getMethodAsString()));
        assertThat(firstStringArguments("stage")).containsSubsequence("Checkout", "Build", "Unit tests", "Integration tests",
                "SonarQube", "Dependency scan", "Images", "Deploy to staging", "Smoke test", "Approval", "Production");
        assertThat(CALLS).anyMatch(call -> "parallel".equals(call.getMethodAsString()));
        assertThat(CALLS).anyMatch(call -> "input".equals(call.getMethodAsString()));
        assertThat(CALLS).anyMatch(call -> "junit".equals(call.getMethodAsString()));
        assertThat(CALLS).anyMatch(call -> "recordCoverage".equals(call.getMethodAsString()));
    }

    @Test
    void every_shell_step_runs_an_executable_script_of_the_repository() {
        List<String> steps = firstStringArguments("sh");
        assertThat(steps).hasSizeGreaterThanOrEqualTo(9);
        for (String step : steps) {
            String script = step.split(" ")[0];
            assertThat(script).as(step).startsWith("scripts/ci/");
            Path file = Repository.root().resolve(script);
            assertThat(file).as(step).isRegularFile();
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
        }
    }

    @Test
    void the_scripts_the_ci_scripts_call_exist_and_are_executable() throws Exception {
        try (var scripts = Files.list(Repository.root().resolve("scripts/ci"))) {
            for (Path script : scripts.toList()) {
                for (String line : Files.readAllLines(script)) {
                    for (String word : line.split("[\\s\"'();|&]+")) {
                        if (word.matches("scripts/[\\w/.-]+\\.sh")) {
                            assertThat(Files.isExecutable(Repository.root().resolve(word))).as(script.getFileName() + " calls " + word).isTrue();
                        }
                    }
                }
            }
        }
    }
}
