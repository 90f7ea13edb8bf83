package org.eventbooking.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./booking bench http} at a rate any machine serves: the benchmark's own classpath starts a
 * broker, Redis and a node, and every hold is answered. It guards the program, not a figure.
 */
class HttpBenchmarkIT {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT rate=(\\d+) achieved=(\\d+) p50_ms=[\\d.]+ p99_ms=[\\d.]+ errors=(\\d+)");

    @Test
    void servesEveryHoldAtALowRate(@TempDir Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new BenchMain()).execute("http", "--rate", "20", "--warmup-seconds", "2", "--seconds", "3",
                    "--users", "3", "--results-dir", dir.toString());
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);
        assertThat(exit).isZero();
        // Log lines of the stopping broker may follow it on the console.
        List<String> results = output.lines().filter(line -> line.startsWith("RESULT")).toList();
        assertThat(results).hasSize(1);
        Matcher result = RESULT.matcher(results.get(0));
        assertThat(result.matches()).as(results.get(0)).isTrue();
        assertThat(Integer.parseInt(result.group(1))).isEqualTo(20);
        assertThat(Integer.parseInt(result.group(2))).isBetween(15, 25);
        assertThat(Integer.parseInt(result.group(3))).isZero();
        assertThat(dir.resolve("http.png")).isNotEmptyFile();
    }
}
