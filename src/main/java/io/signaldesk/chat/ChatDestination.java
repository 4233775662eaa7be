package io.signaldesk.chat;

/**
 * Where messages go: a private chat with one user or a group / server channel.
 *
 * @param chatId the platform's chat id (Telegram chat id, Discord channel id)
 */
public record ChatDestination(long id, Platform platform, String chatId, boolean group, boolean active) {
}
