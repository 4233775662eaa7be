package io.signaldesk.chat.local;

import java.util.List;

/**
 * One message on the local page, as the page receives it (JSON).
 *
 * @param from    {@code you} or {@code bot}
 * @param image   the URL of its image, or null
 * @param buttons rows of buttons, each with the label shown and the id a press sends back
 * @param secret  a question whose answer is a secret: the page asks for the next message with a password field
 */
record LocalMessage(long id, String from, String text, String image, List<List<LocalButton>> buttons, boolean secret) {

    LocalMessage(long id, String from, String text, String image, List<List<LocalButton>> buttons) {
        this(id, from, text, image, buttons, false);
    }

    record LocalButton(String label, String id) {
    }
}
