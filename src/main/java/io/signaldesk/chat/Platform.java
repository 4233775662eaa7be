package io.signaldesk.chat;

/**
 * Where a user reaches us from ({@code chat_identity.platform}), and where messages go
 * ({@code chat_destination.platform}; a Discord webhook is a destination only).
 */
public enum Platform {
    TELEGRAM, DISCORD, LOCAL, DISCORD_WEBHOOK
}
