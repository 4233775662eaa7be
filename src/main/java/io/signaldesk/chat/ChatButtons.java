package io.signaldesk.chat;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Buttons for messages no command answered with (a delivered signal): the meaning is stored under a
 * short id for the command that handles the press, bound to one user or (empty) open to anyone who
 * sees the message.
 */
public interface ChatButtons {

    Button make(OptionalLong userId, String command, String label, String payload, Duration lifetime);
}
