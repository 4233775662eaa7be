package io.signaldesk.chat;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Buttons for messages no command answered with (a delivered signal): the meaning is stored under a
 * short id for the command that handles the press, bound to one user or (empty) open to anyone who
 * sees the message.
 */
public interface ChatButtons {

    /**
     * The payload of a button that runs its command as if the presser typed it without arguments (e.g. {@code /positions}
     * under a risk alert): the dispatcher calls the command's {@code handle}, not its {@code press}, after the same checks.
     */
    String RUN = "!run";

    Button make(OptionalLong userId, String command, String label, String payload, Duration lifetime);

    /** A button that runs {@code /command} (no arguments) for {@code userId} only, or anyone when empty. */
    default Button run(OptionalLong userId, String command, String label, Duration lifetime) {
        return make(userId, command, label, RUN, lifetime);
    }
}
