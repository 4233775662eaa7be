package io.signaldesk.chat;

/** What an adapter hands the dispatcher: a typed message or a button press, in our own terms. */
public sealed interface Incoming {

    ChatAccount account();

    Conversation conversation();

    /** A message; commands start with {@code /} (a {@code @botname} suffix is ignored). */
    record Typed(ChatAccount account, Conversation conversation, String text) implements Incoming {
    }

    /** A press of the button stored under {@code buttonId}. */
    record Pressed(ChatAccount account, Conversation conversation, String buttonId) implements Incoming {
    }
}
