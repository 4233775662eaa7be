package io.signaldesk.chat;

import java.util.Locale;

/** The language a registered user reads, for messages written without a command (signals, alerts). */
public interface UserLocales {

    Locale of(long userId);
}
