package io.signaldesk.chat;

/** Where a user reaches us from; stored as {@code chat_identity.platform}. */
public enum Platform {
    TELEGRAM, DISCORD, LOCAL
}
