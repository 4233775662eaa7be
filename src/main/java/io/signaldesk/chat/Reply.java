package io.signaldesk.chat;

import java.util.List;

/**
 * What a command answers, rendered by each adapter in its platform's way. Buttons come in rows.
 * Texts are plain: adapters escape them for their markup.
 */
public sealed interface Reply {

    /** The most common answer: one plain text message. */
    static List<Reply> text(String text) {
        return List.of(new Text(text));
    }

    /** A private answer to the presser that refuses the press (see {@link Notice}). */
    static List<Reply> refusal(String text) {
        return List.of(new Notice(text, true));
    }

    /** How a platform that colours messages (Discord embeds) should colour this one. */
    enum Tone {
        NEUTRAL, BUY, SELL
    }

    /** A new message. */
    record Text(String text, List<List<Button>> buttons, Tone tone) implements Reply {
        public Text {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        public Text(String text, List<List<Button>> buttons) {
            this(text, buttons, Tone.NEUTRAL);
        }

        public Text(String text) {
            this(text, List.of());
        }
    }

    /** A new message with a PNG image and a caption under it. */
    record Photo(byte[] png, String caption, List<List<Button>> buttons, Tone tone) implements Reply {
        public Photo {
            buttons = buttons.stream().map(List::copyOf).toList();
        }

        public Photo(byte[] png, String caption, List<List<Button>> buttons) {
            this(png, caption, buttons, Tone.NEUTRAL);
        }
    }

    /**
     * A new text message its command will rewrite later (a long task's progress): once the adapter has sent
     * it, it hands the platform's message id to {@code receipt}, and the command's feature edits it through
     * {@link ChatSender#edit}. Where an adapter cannot tell the id, the receipt is never called (the task
     * then sends its outcome as a new message).
     */
    record Tracked(String text, Receipt receipt) implements Reply {
    }

    /** Told the platform's id of a {@link Tracked} message once it is out; called on the adapter's thread, must not block long. */
    @FunctionalInterface
    interface Receipt {
        void sent(String messageId);
    }

    /** The message whose button was pressed, rewritten (its buttons replaced by these). */
    record Edit(String text, List<List<Button>> buttons) implements Reply {
        public Edit {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A question whose answer is the writer's next message in this private chat (a wizard's step): the dispatcher
     * hands that message to the command's {@link ChatCommand#input} instead of treating it as a command, for up to
     * {@code lifetime}. A {@code secret} answer is never kept in chat history where the platform allows it: Telegram
     * deletes the message once read ({@link Erase}), Discord collects it in a modal opened by a button under the
     * question (so it never appears in the channel), the local page asks with a password field.
     *
     * @param field what is asked for, short (a Discord modal's label), e.g. "API secret"
     */
    record Prompt(String text, String field, boolean secret, java.time.Duration lifetime) implements Reply {
    }

    /**
     * The message just read held a secret: delete it where the platform allows (Telegram {@code deleteMessage}; the
     * local page masks it). Comes first among a command's replies; platforms that never showed it (a Discord modal)
     * ignore it.
     */
    record Erase() implements Reply {
    }

    /**
     * A short answer for the presser's eyes only: a refused press (someone else's, an expired or an
     * unknown button, a command they may not use here) or an acknowledgement that concerns only them
     * ("Noted: you took BUY …"). Answering a press, adapters show it privately and never post it into
     * the chat: Telegram as the {@code answerCallbackQuery} text (an alert when it is a refusal), Discord
     * as an ephemeral reply, the local page as a notice to the page that pressed. Answering a typed
     * command (where a reply is private to the conversation anyway) it is an ordinary message. Keep it
     * under 200 characters, the most Telegram shows.
     *
     * @param refusal the press was refused (Telegram shows it as an alert the presser dismisses)
     */
    record Notice(String text, boolean refusal) implements Reply {
    }
}
