package org.eventbooking.ops;

/** The exit codes every operator command uses. */
public final class ExitCodes {

    /** Done, or the cluster matches. */
    public static final int OK = 0;
    /** The check or operation failed: the message says what and what to do. */
    public static final int FAILED = 1;
    /** Bad usage: an unknown option or a value out of range. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
