package org.eventbooking.ops.replay;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit-code convention of the operator commands: 0 done, 1 the operation failed or found a
 * problem (the message says what to do), 2 bad usage (picocli). An {@link OperatorException} is
 * printed as one line, without a stack trace.
 */
public abstract class OperatorCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (OperatorException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return FAILED;
        }
    }

    protected abstract int execute();

    /** Where results go (picocli's writer, so tests can capture it); progress goes to stderr. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
