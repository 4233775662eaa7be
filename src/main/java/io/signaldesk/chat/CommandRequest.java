package io.signaldesk.chat;

import java.util.Locale;

/**
 * One command to handle: who asked (registered), where, the command's catalog entry and the text
 * after the command name. Built by the dispatcher; platform types never reach it.
 *
 * @param arguments the text after {@code /name}, trimmed; empty when there was none
 */
public record CommandRequest(ChatUser user, Conversation conversation, CommandSpec command, String arguments,
                             ButtonMaker buttons) {

    public Locale locale() {
        return user.locale();
    }

    /** A button bound to this user and command that brings {@code payload} back to the command when pressed. */
    public Button button(String label, String payload) {
        return buttons.make(user, command.name(), label, payload);
    }

    /** Stores a button's meaning under a short id (the dispatcher's, or a test's). */
    @FunctionalInterface
    public interface ButtonMaker {
        Button make(ChatUser user, String command, String label, String payload);
    }
}
