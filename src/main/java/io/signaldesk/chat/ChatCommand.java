package io.signaldesk.chat;

import java.util.List;

/**
 * SPI: one chat command, one class, in the feature that owns it. Its {@link #name()} must be a
 * catalog command marked {@code available}; the dispatcher checks access, registration, rate limits
 * and errors before and around it.
 */
public interface ChatCommand {

    String name();

    List<Reply> handle(CommandRequest request);

    /**
     * A press of one of this command's buttons by the user it was shown to, with the payload the
     * button was made with. The answer is usually a {@link Reply.Edit} of the pressed message.
     */
    default List<Reply> press(CommandRequest request, String payload) {
        return List.of();
    }
}
