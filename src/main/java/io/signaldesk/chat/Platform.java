package io.signaldesk.chat;

/**
 * Where a user reaches us from ({@code chat_identity.platform}), and where messages go
 * ({@code chat_destination.platform}; a Discord webhook is a destination only).
 */
public enum Platform {
    TELEGRAM, DISCORD, LOCAL, DISCORD_WEBHOOK;

    /** Its name as users read it ("Telegram + Discord"). */
    public String displayName() {
        return switch (this) {
            case TELEGRAM -> "Telegram";
            case DISCORD -> "Discord";
            case LOCAL -> "Local page";
            case DISCORD_WEBHOOK -> "Discord webhook";
        };
    }

    /** What an operator sets to give this platform a sender (for logs and operator views). */
    public String howToTurnOn() {
        return switch (this) {
            case TELEGRAM -> "set TELEGRAM_BOT_TOKEN";
            case DISCORD -> "set DISCORD_BOT_TOKEN";
            case LOCAL -> "set SIGNALDESK_LOCAL_CHAT=true";
            case DISCORD_WEBHOOK -> "always on";
        };
    }
}
