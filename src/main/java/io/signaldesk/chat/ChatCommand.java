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

    /**
     * The writer's answer to this command's last {@link Reply.Prompt}: their next message in the same private chat,
     * within the prompt's lifetime. The request's arguments are empty; {@code text} is what they wrote.
     */
    default List<Reply> input(CommandRequest request, String text) {
        return List.of();
    }

    /**
     * Whether these arguments, typed where the command is refused (a private command in a group), may hold a secret
     * (a pasted key): the dispatcher then asks the platform to delete the message and advises rotating it.
     */
    default boolean mayHoldSecret(String arguments) {
        return false;
    }

    /**
     * These arguments, which {@link #mayHoldSecret} may hold a secret, were typed where the command is refused (a group):
     * the command makes that secret worthless at once if it can (a one-time code is burned), since deleting the message may
     * fail (the bot may lack the right) and others have seen it. Called before the refusal is answered.
     */
    default void exposed(String arguments) {
    }
}
