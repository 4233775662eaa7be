package io.signaldesk.chat;

import java.util.Locale;

/** A registered user: our id (every feature's {@code user_id}) and the language replies are written in. */
public record ChatUser(long id, Locale locale) {
}
