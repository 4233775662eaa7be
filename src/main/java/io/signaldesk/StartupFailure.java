package io.signaldesk;

/**
 * A reason the service cannot start that a user can fix: {@link #getMessage()} says what is wrong in
 * one line, {@link #action()} what to do about it. {@link StartupFailureAnalyzer} prints both instead
 * of a stack trace.
 */
public class StartupFailure extends RuntimeException {

    private final String action;

    public StartupFailure(String problem, String action) {
        this(problem, action, null);
    }

    public StartupFailure(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
