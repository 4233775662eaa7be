package io.signaldesk.chat;

/** What an adapter hands the dispatcher: a typed message or a button press, in our own terms. */
public sealed interface Incoming {

    ChatAccount account();

    Conversation conversation();

    /** A message; commands start with {@code /} (a {@code @botname} suffix is ignored). */
    record Typed(ChatAccount account, Conversation conversation, String text) implements Incoming {
    }

    /**
     * A press of the button stored under {@code buttonId}.
     *
     * @param groupAdmins the account a group's anonymous admins write as (Telegram), when the presser
     *                    administers the group: a button shown to it may be pressed by any of its admins,
     *                    and the press acts for it. Empty elsewhere.
     */
    record Pressed(ChatAccount account, Conversation conversation, String buttonId, java.util.Optional<ChatAccount> groupAdmins)
            implements Incoming {

        public Pressed(ChatAccount account, Conversation conversation, String buttonId) {
            this(account, conversation, buttonId, java.util.Optional.empty());
        }
    }
}
