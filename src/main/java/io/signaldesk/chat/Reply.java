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

    /** The message whose button was pressed, rewritten (its buttons replaced by these). */
    record Edit(String text, List<List<Button>> buttons) implements Reply {
        public Edit {
            buttons = buttons.stream().map(List::copyOf).toList();
        }
    }
}
